"""termwise.project"""
