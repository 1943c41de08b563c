"""termwise.document"""
