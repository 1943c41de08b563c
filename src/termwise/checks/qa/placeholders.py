"""Placeholders: a software string's format placeholders must survive translation, as
pofilter's ``printf`` and ``pythonbraceformat`` and CheckMate's pattern checks ask, and as
``msgfmt -c`` enforces for a PO file's ``c-format`` and ``python-format`` entries.

Two kinds, each compared on its own:

- printf: ``%s``, ``%5.2f``, ``%ld``, ``%<PRIu64>``, positional ``%1$s`` and ``%2$.*1$s``,
  named ``%(name)s``; ``%%`` is a literal percent. Prose must never read as a placeholder
  ("50% of", "20 % des", "100%.", German "50%ige", "the 1%'s share", URL escapes "%20de",
  "fell from 7%s in 2019"), so there is no space flag and no ``'`` flag, a ``%`` right
  after a digit is a percentage, a placeholder ends with a conversion letter,
  and a bare one that a letter or digit follows ("%some", "%ige") is only a weak candidate:
  weak candidates never count on their own, they only excuse a difference ("%dpx" against
  "%d px"). Addresses are masked, and a date format ("%a %b %e %H:%M") is no printf format.
- brace: Python's ``{}``, ``{0}``, ``{name!r}``, ``{0:>10}``, ``{user.name}``,
  ``{items[0]}``, and Ruby's ``%{name}``; ``{{`` and ``}}`` are literals. A brace is a
  placeholder only when its inside follows the format grammar and no letter, digit, ``\\``,
  ``^``, ``_``, ``}`` or ``$`` comes right before it (LaTeX's ``\\emph{word}``, ``x^{2}``,
  ``\\textcolor{red}{word}``); one a letter follows ("{dis}able") is weak, and an
  all-capitals name is a usage text's metavariable ("{INTEGER}", translated "{ENTIER}").
  ICU plural and select messages, whose braces hold translated text, are left out, and so
  is the shell's ``${VAR}`` (usage texts translate it: ``${变量名}``).

A PO entry's flags say what its texts are, as ``msgfmt -c`` and pofilter read them: with
``c-format``, ``python-format`` (printf) or ``python-brace-format`` (braces) that kind is
checked strictly, none of the prose heuristics applying ("% f", "7%s", "%dpx", "{NAME}" are
placeholders); with its ``no-`` flag that kind is not compared at all.

A kind the source has none of is not compared. Unnumbered placeholders take the arguments in
order, so their order matters (``%s %d`` → ``%d %s`` is an error, ``%2$d %1$s`` is not);
numbered and named ones may be reordered, repeated or used once. Conversions are compared by
the argument they take (``%d`` and ``%i`` are one, ``%5d`` and ``%d`` too: width and
precision may change). Each form of a plural entry is compared with its msgid_plural, as
gettext does; a form that only n=1 takes may drop its number ("one file"), so nothing is
reported missing there, while a form for many numbers must keep them all. The fix is offered only where it is unambiguous: one
changed placeholder, given back the source's.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from termwise.checks.context import ADDRESS_MARK, CheckContext, Pair, address_spans
from termwise.checks.issue import Issue, Severity, Side
from termwise.checks.registry import Scope, register
from termwise.checks.screening import segments_containing

# A printf conversion, or a literal "%%" (consumed first, so "%%d" holds no placeholder):
# position or name, flags (glibc's "I" too; no space, no "'"), width and precision (a "*"
# takes an argument of its own), length, and the conversion, gettext's "<PRIu64>" included.
# ``after`` is the letter or digit that makes a bare conversion a weak candidate ("%some",
# "50%ige", "%20de"); Latin letters only, so that "%d个文件" is a placeholder.
_PRINTF_PATTERN = (
    r"%%"
    r"|%(?:(?P<position>[1-9][0-9]*)\$|\((?P<name>[A-Za-z_][\w.-]*)\))?"
    r"(?P<flags>[FLAGS]*)(?P<width>[1-9][0-9]*|\*(?:[1-9][0-9]*\$)?)?"
    r"(?P<precision>\.(?:[0-9]+|\*(?:[1-9][0-9]*\$)?))?"
    r"(?P<length>hh|h|ll|l|L|q|j|z|Z|t)?"
    r"(?P<conversion>[diouxXeEfgGcsr]|p[A-Z]?|<PRI(?P<pri>[diouxX])(?P<bits>[A-Z0-9]*)>)"
    r"(?P<after>[A-Za-z0-9\u00c0-\u024f])?"
)
_PRINTF = re.compile(_PRINTF_PATTERN.replace("FLAGS", "-+#0I"))
# An entry its PO file flags as a printf format (``c-format``, ``python-format``) is one:
# its "% d" and "%'d" are printf's space and thousands flags, as msgfmt -c reads them.
_STRICT_PRINTF = re.compile(_PRINTF_PATTERN.replace("FLAGS", "-+ #0I'"))
# A date format's directive that is no printf conversion ("%Y", "%b", "%H"), or one of
# binutils' own ("%B", "%A", "%P"): such a text is no printf format, and its "%e" is a day.
_NOT_PRINTF = re.compile(r"%[-_0^#]?[aAbBFHIjkmMPSTyYzZ](?![A-Za-z])")
# Length modifiers that are another's old spelling.
_LENGTH = {"Z": "z", "q": "ll"}
# The argument a conversion takes: what msgfmt compares ("%d" and "%i" are one).
_ARGUMENT = {"i": "d", "o": "u", "x": "u", "X": "u", "e": "f", "E": "f", "g": "f", "G": "f"}

# A format field, or a literal "{{" / "}}". The prefix makes Ruby's "%{name}" its own
# placeholder; the look-behinds keep LaTeX arguments ("\\emph{word}", "x^{2}") and the
# shell's "${VAR}" out. ``after`` makes a field a weak candidate ("{dis}able").
_BRACE = re.compile(
    r"(?=[{}%])"  # a first character to scan for: six times faster on prose
    r"(?:\{\{|\}\}"
    r"|(?:(?<![A-Za-z0-9_\\^$%}])(?P<prefix>%)|(?<![A-Za-z0-9_\\^$%}]))\{"
    r"(?P<field>(?:[A-Za-z_][A-Za-z0-9_]*|[0-9]+)(?:\.[A-Za-z_][A-Za-z0-9_]*|\[[^\]{}]+\])*)?"
    r"(?P<conversion>![rsa])?"
    r"(?::(?P<spec>(?:[^{}]?[<>=^])?[-+ ]?z?\#?0?[0-9]*[_,]?(?:\.[0-9]+)?"
    r"(?P<type>[bcdeEfFgGnosxX%])?|(?:%[A-Za-z]|[-/:., ])+))?"
    r"\}(?P<after>[A-Za-z])?)"
)
# An all-capitals name in braces is a usage text's metavariable ("{INTEGER}"), which the
# translator translates ("{ENTIER}"), not a format field.
_METAVARIABLE = re.compile(r"[A-Z][A-Z0-9_]+")
# An ICU MessageFormat plural or select: its inner braces hold text the translator writes.
_ICU_CHOICE = re.compile(r"\{\s*\w+\s*,\s*(?:plural|select|selectordinal)\s*,")


@dataclass(frozen=True, slots=True)
class _Placeholder:
    text: str
    start: int
    end: int
    # The positional number or name it takes its argument by; None for an unnumbered one.
    key: str | None
    # The argument it takes ("d", "s", "ld", "*s"; for braces the conversion and type).
    argument: str
    weak: bool = False
    # Keyed by where it stands ("%s" as argument 1, see ``_numbered``), not by its text.
    by_position: bool = False


def _printf(text: str, strict: bool = False) -> list[_Placeholder]:
    """The printf placeholders of ``text``; ``strict``: of a text its PO entry flags as a
    printf format, where none of the prose heuristics apply."""
    if "%" not in text:
        return []
    found = []
    for match in (_STRICT_PRINTF if strict else _PRINTF).finditer(text):
        conversion = match.group("conversion")
        if conversion is None:
            continue  # "%%"
        if not strict and match.start() > 0 and text[match.start() - 1].isdigit():
            continue  # "fell from 7%s in 2019", "7%d": a percentage in running text
        position, name, after = match.group("position", "name", "after")
        end = match.end() - (1 if after else 0)
        pri = match.group("pri")
        if pri:
            argument = "PRI" + _ARGUMENT.get(pri, pri) + match.group("bits")
        else:
            argument = _ARGUMENT.get(conversion, conversion)
            length = _LENGTH.get(match.group("length") or "", match.group("length") or "")
            # "%lf" is "%f" to printf; "%Lf" takes a long double, "%ls" a wide string.
            argument = (length if not (argument == "f" and length == "l") else "") + argument
        stars = match.group(0).count("*")
        found.append(
            _Placeholder(
                text[match.start() : end],
                match.start(),
                end,
                position or (f"({name})" if name else None),
                "*" * stars + argument,
                # A numbered, named or precise placeholder is code whatever follows it.
                weak=not strict
                and bool(after)
                and not (position or name or match.group("precision")),
            )
        )
    return found


def _braces(text: str, strict: bool = False) -> list[_Placeholder]:
    """The brace placeholders of ``text``; ``strict``: of a text its PO entry flags as a
    brace format (``python-brace-format``), where "{NAME}" and "{dis}able" are fields too."""
    if "{" not in text:
        return []
    found = []
    for match in _BRACE.finditer(text):
        if match.group() in ("{{", "}}"):
            continue
        prefix, field = match.group("prefix") or "", match.group("field") or ""
        if field and not strict and _METAVARIABLE.fullmatch(field):
            continue
        if field.isdigit():
            field = str(int(field) + 1)  # "{0}" takes the first argument, as "%1$s" does
        argument = (match.group("conversion") or "") + (match.group("type") or "")
        after = match.group("after")
        end = match.end() - (1 if after else 0)
        found.append(
            _Placeholder(
                text[match.start() : end],
                match.start(),
                end,
                prefix + field if field or prefix else None,
                argument,
                weak=bool(after) and not strict,
            )
        )
    return found


def placeholder_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` holds placeholders (not the weak candidates): no words to spell there
    ("count" of "{count}" was not in the es_ES dictionary)."""
    return [(p.start, p.end) for p in (*_printf(text), *_braces(text)) if not p.weak]


def _masked(text: str) -> str:
    """``text`` with its web and mail addresses blanked: "%20de" in a URL is no placeholder."""
    if not ("@" in text or "://" in text or "www." in text) or not ADDRESS_MARK.search(text):
        return text
    for start, end in address_spans(text):
        text = text[:start] + " " * (end - start) + text[end:]
    return text


# The PO flags (gettext's format types) of each kind of placeholder: an entry with one is
# that kind of format, checked strictly; one with its "no-" flag is not, and that kind is
# not compared at all, as msgfmt -c and pofilter do.
_PRINTF_FLAGS = frozenset(
    {
        "c-format",
        "objc-format",
        "python-format",
        "php-format",
        "perl-format",
        "awk-format",
        "lua-format",
        "gcc-internal-format",
        "gfc-internal-format",
        "java-printf-format",
    }
)
_BRACE_FLAGS = frozenset({"python-brace-format", "csharp-format"})

# How one kind of placeholder is looked for in an entry.
_OFF, _PROSE, _STRICT = "off", "prose", "strict"


def _mode(flags: frozenset[str], kinds: frozenset[str]) -> str:
    if flags & kinds:
        return _STRICT
    if any(flag.startswith("no-") and flag[3:] in kinds for flag in flags):
        return _OFF
    return _PROSE


def _screen(context: CheckContext, pairs: Sequence[Pair], side: Side) -> list[int]:
    # A plural entry's msgid_plural ("%d files") may have what its msgid ("One file") lacks.
    found = set(segments_containing(("%", "{"), context, pairs, "source"))
    found.update(index for index, pair in enumerate(pairs) if pair.plural is not None)
    return sorted(found)


@register(
    "placeholders",
    Severity.ERROR,
    "Format placeholders (%s, %(name)d, %1$s, {name}, {0:>10}, %{name}) are lost, added, "
    "changed or reordered in the target.",
    Scope.PAIR,
    fixable=True,
    screen=_screen,
)
def placeholders(context: CheckContext, pair: Pair) -> list[Issue]:
    printf = _mode(pair.flags, _PRINTF_FLAGS)
    brace = _mode(pair.flags, _BRACE_FLAGS)
    plural = pair.plural
    if plural is None:
        return _check_form(context, pair, pair.source, pair.target or "", printf, brace, True)
    # As msgfmt -c: every form against msgid_plural; a form that stands for many numbers
    # keeps every placeholder, one for n=1 alone may drop its number ("one file").
    source = plural.plural_source if plural.plural_source is not None else pair.source
    issues: list[Issue] = []
    for index, form in enumerate(plural.forms):
        shown = index == plural.shown
        text = (pair.target or "") if shown else form
        if not text:
            continue  # an untranslated form is the plural-forms check's to report
        exact = index < len(plural.exact) and plural.exact[index]
        found = _check_form(context, pair, source, text, printf, brace, exact)
        if shown:
            issues += found
        else:
            # The segment's text is another form: the issue names the form it is in.
            issues += [
                context.issue(pair, "target", 0, 0, f"msgstr[{index}]: {issue.message}")
                for issue in found
            ]
    return issues


def _check_form(
    context: CheckContext,
    pair: Pair,
    source: str,
    target: str,
    printf: str,
    brace: str,
    exact: bool,
) -> list[Issue]:
    """The issues of one translation of ``source`` (a plural entry's form, or the
    segment's target); ``exact``: whether it must keep every placeholder."""
    issues: list[Issue] = []
    if "%" in source and printf != _OFF:
        strict = printf == _STRICT
        masked = _masked(source)
        if strict or not _NOT_PRINTF.search(masked):
            wanted = _printf(masked, strict)
            issues += _compare_kind(
                context,
                pair,
                wanted,
                lambda text: _printf(text, strict),
                _masked(target),
                exact,
            )
    if "{" in source and brace != _OFF and not _ICU_CHOICE.search(source):
        strict = brace == _STRICT
        issues += _compare_kind(
            context,
            pair,
            _braces(source, strict),
            lambda text: _braces(text, strict),
            target,
            exact,
        )
    return issues


def _compare_kind(
    context: CheckContext,
    pair: Pair,
    wanted: list[_Placeholder],
    find: Callable[[str], list[_Placeholder]],
    target: str,
    exact: bool,
) -> list[Issue]:
    """One kind's issues, where the source has a placeholder of that kind. Weak candidates
    count only to settle a difference: "%dpx" against "%d px" is none."""
    strong = [p for p in wanted if not p.weak]
    if not strong:
        return []
    have = find(target)
    found = _compare(context, pair, strong, [p for p in have if not p.weak], exact)
    if (
        found
        and any(p.weak for p in wanted + have)
        and not _compare(context, pair, wanted, have, exact)
    ):
        return []
    return found


def _compare(
    context: CheckContext,
    pair: Pair,
    wanted: list[_Placeholder],
    have: list[_Placeholder],
    exact: bool,
) -> list[Issue]:
    """The issues of one kind's placeholders: ``wanted`` in the source, ``have`` in the
    target; unless ``exact``, one of ``wanted`` may be missing (a plural form for n=1)."""
    if [(p.key, p.argument) for p in wanted] == [(p.key, p.argument) for p in have]:
        return []
    # "%s %d" may become "%2$d %1$s", "{} {}" may become "{1} {0}": an unnumbered side
    # takes its arguments by position when the other numbers them.
    if any(p.key is not None and p.key.isdigit() for p in have):
        wanted = _numbered(wanted)
    if any(p.key is not None and p.key.isdigit() for p in wanted):
        have = _numbered(have)
    plural = not exact
    issues = _compare_in_order(
        context,
        pair,
        [p for p in wanted if p.key is None],
        [p for p in have if p.key is None],
        plural,
    )
    issues += _compare_by_key(
        context,
        pair,
        [p for p in wanted if p.key is not None],
        [p for p in have if p.key is not None],
        plural,
    )
    return issues


def _numbered(found: list[_Placeholder]) -> list[_Placeholder]:
    """Unnumbered placeholders keyed by the argument they take (1, 2...), where none of
    ``found`` is numbered or named already."""
    if any(p.key is not None for p in found):
        return found
    numbered = []
    position = 0
    for p in found:
        # "%.*s" takes two arguments, the precision first ("%2$.*1$s").
        position += 1 + p.argument.count("*")
        numbered.append(
            _Placeholder(p.text, p.start, p.end, str(position), p.argument, p.weak, True)
        )
    return numbered


def _compare_in_order(
    context: CheckContext,
    pair: Pair,
    wanted: Sequence[_Placeholder],
    have: Sequence[_Placeholder],
    plural: bool,
) -> list[Issue]:
    wanted_arguments = [p.argument for p in wanted]
    have_arguments = [p.argument for p in have]
    if wanted_arguments == have_arguments:
        return []
    if len(wanted) == len(have):
        differing = [
            (ours, theirs)
            for ours, theirs in zip(wanted, have, strict=True)
            if ours.argument != theirs.argument
        ]
        if Counter(wanted_arguments) == Counter(have_arguments):
            first = differing[0][1]
            return [
                context.issue(
                    pair,
                    "target",
                    first.start,
                    first.end,
                    "placeholders are in a different order than in the source: "
                    + " ".join(p.text for p in wanted)
                    + " (unnumbered placeholders take the arguments in order)",
                )
            ]
        single = len(differing) == 1
        return [_changed(context, pair, theirs, ours, single) for ours, theirs in differing]
    issues = []
    extra = Counter(have_arguments) - Counter(wanted_arguments)
    for placeholder in have:
        if extra[placeholder.argument] > 0:
            extra[placeholder.argument] -= 1
            issues.append(_added(context, pair, placeholder))
    if not plural:
        missing = Counter(wanted_arguments) - Counter(have_arguments)
        for argument, count in missing.items():
            shown = next(p.text for p in wanted if p.argument == argument)
            issues.append(_missing(context, pair, shown, count))
    return issues


def _compare_by_key(
    context: CheckContext,
    pair: Pair,
    wanted: Sequence[_Placeholder],
    have: Sequence[_Placeholder],
    plural: bool,
) -> list[Issue]:
    """Numbered and named placeholders: each key the source has must be in the target
    (any number of times, in any order) with the same argument, and no other."""
    ours: dict[str, list[_Placeholder]] = {}
    for p in wanted:
        ours.setdefault(p.key or "", []).append(p)
    theirs: dict[str, list[_Placeholder]] = {}
    for p in have:
        theirs.setdefault(p.key or "", []).append(p)
    missing = [key for key in ours if key not in theirs]
    added = [key for key in theirs if key not in ours]
    issues = []
    if len(missing) == 1 and len(added) == 1:
        # One name for another ("{nmae}" for "{name}", "%3$s" for "%2$s"): changed.
        source_form = ours[missing[0]][0]
        fix = len(theirs[added[0]]) == 1 and _reusable(source_form)
        issues += [_changed(context, pair, p, source_form, fix) for p in theirs[added[0]]]
        missing = added = []
    for key in added:
        issues += [_added(context, pair, p) for p in theirs[key]]
    if not plural:
        issues += [_missing(context, pair, ours[key][0].text, 1) for key in missing]
    for key, found in ours.items():
        arguments = {p.argument for p in found}
        changed = [p for p in theirs.get(key, []) if p.argument not in arguments]
        single = len(changed) == 1 and len(found) == 1 and _reusable(found[0])
        issues += [_changed(context, pair, p, found[0], single) for p in changed]
    return issues


def _reusable(placeholder: _Placeholder) -> bool:
    """Whether the source's placeholder can stand in the target as written: it names its
    argument itself ("%1$s", "%(n)d", "{0}"), not by where it stands ("%s" made "%1$s")."""
    return placeholder.key is not None and not placeholder.by_position


def _added(context: CheckContext, pair: Pair, placeholder: _Placeholder) -> Issue:
    return context.issue(
        pair,
        "target",
        placeholder.start,
        placeholder.end,
        f"placeholder {placeholder.text} is not in the source",
    )


def _changed(
    context: CheckContext,
    pair: Pair,
    placeholder: _Placeholder,
    source_form: _Placeholder,
    fixable: bool,
) -> Issue:
    """The target's ``placeholder`` stands where the source has ``source_form``; ``fixable``
    where putting the source's back is sure to be right."""
    return context.issue(
        pair,
        "target",
        placeholder.start,
        placeholder.end,
        f"placeholder {placeholder.text} differs from the source's {source_form.text}",
        suggestion=source_form.text if fixable else None,
        fixable=fixable,
    )


def _missing(context: CheckContext, pair: Pair, shown: str, count: int) -> Issue:
    times = f" ({count}×)" if count > 1 else ""
    return context.issue(
        pair,
        "target",
        0,
        0,
        f"placeholder {shown} of the source is missing from the target{times}",
    )
