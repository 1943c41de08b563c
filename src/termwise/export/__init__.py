"""termwise.export"""
