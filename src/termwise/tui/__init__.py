"""termwise.tui"""
