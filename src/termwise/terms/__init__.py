"""Terminology discovery: extract a corpus's terms, group their variants, grow the glossary.

``extract.extract_terms`` is the entry point; ``candidates`` finds candidate n-grams,
``scoring`` computes their termhood features, ``model`` is the learned combiner and its
cut-off, ``variants`` groups the forms of one concept, ``formats`` writes the results.
"""

# The columns of a candidate list in CSV (``formats.to_csv``); `glossary import` knows such a
# file by them and refuses it: read as a glossary, its variants became translations.
CANDIDATE_CSV_COLUMNS = ("term", "variants", "frequency", "score", "concept", "status", "kind")
