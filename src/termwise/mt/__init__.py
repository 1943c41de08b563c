"""termwise.mt"""
