"""termwise.checks"""
