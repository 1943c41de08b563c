"""termwise.glossary"""
