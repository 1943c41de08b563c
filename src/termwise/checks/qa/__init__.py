"""Quality-assurance checks on a translation, the kind pofilter, Xbench and CheckMate run.

One module per family, each registering its checks (``registry._BUILTIN_MODULES`` lists
them in the order ``termwise check --list`` shows): ``completeness`` (untranslated, same as
the source), ``numbers`` (numbers and citations), ``placeholders`` (a software string's
printf and brace placeholders), ``urls_brackets`` (URLs, brackets and quotes), ``markup`` (a Markdown source's emphasis, links and code spans), ``punctuation``
(end punctuation and typography), ``capitals`` (a lost initial capital), ``whitespace`` (spaces and repeated words), ``length``;
``rules`` runs the project's own regular-expression checks. Spelling is
``termwise.checks.spelling``.

Each function does one thing. They are written to be cheap on the common case (a plain
sentence with nothing wrong): a quick membership test or one precompiled regular expression
decides that there is nothing to look at before any real work is done.
"""
