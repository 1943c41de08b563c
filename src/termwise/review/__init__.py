"""The review model, without a user interface: what the workbench and ``termwise fix`` share.

``session`` holds ``ReviewSession`` (one document, its translation into one language and the
glossary: editing, accepting MT, notes, fixes, joins and splits, checks, saving);
``changes`` the undo history; ``fixes`` how terminology fixes are planned and applied;
``rows`` what the grid shows of a segment. Nothing here imports Textual (a test checks it),
so all of it is tested without a terminal.
"""
