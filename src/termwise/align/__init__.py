"""termwise.align"""
