"""The review workbench (``termwise review``): the only part of termwise that uses Textual.

The workbench is a view of ``termwise.review.ReviewSession``, which holds the review's state
and logic without Textual. Here, ``app`` composes the workbench, routes keys and messages,
saves and checks; ``workbench`` is the grid with its docked editor (``grid``, ``editor``);
``panels`` holds the side panels (concepts, issues, glossary), one widget each with its own
bindings and messages; ``translating`` runs machine translation; ``keymap`` lists every
binding by id; ``opening`` shows a large book at once while its session opens.
"""
