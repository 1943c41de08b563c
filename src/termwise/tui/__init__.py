"""The review workbench (``termwise review``): the only part of termwise that uses Textual.

The workbench is a view of ``termwise.review.ReviewSession``, which holds the review's state
and logic without Textual. Here, ``grid`` is the virtual segment grid; ``app`` puts grid,
editor, panels and workers together; ``keymap`` lists every binding by id.
"""
