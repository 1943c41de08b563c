"""Glossary-constrained machine translation: every concept in its official rendering.

``plan`` decides, engine-independently, which rendering each concept occurrence of a source
segment must get; each engine then has its own way of putting it there (``apertium``: the
term is injected after Apertium's bilingual lookup so that its transfer rules make the
words around it agree; ``argos``: placeholders, decoding constraints and attention).
"""
