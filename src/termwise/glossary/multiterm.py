"""MultiTerm's own fields in a TBX export, and what they are in TBX-Basic.

SDL (Trados) MultiTerm exports a termbase as TBX 2008 (``<martif type="TBX">``) but keeps the
termbase's field names as the data categories: ``<termNote type="Status">Forbidden</termNote>``,
``<descrip type="Definition">``, ``<descrip type="Usage">``, ``<admin type="Created By">``...,
often in the language the termbase was set up in (``Statut``, ``Verwendung``). None of them is
a TBX data category, so read as they came the terms had no status (a forbidden term was not
flagged) and the glossary written from them failed ``glossary validate``.

This module names the common fields (English, German, French, Spanish, Italian, Portuguese,
Dutch; case, spaces and punctuation ignored) and their status values. A field it does not
name stays as it came; the TBX-Basic writer keeps it as a note and says so.
"""

from __future__ import annotations

import re

from termwise.glossary.model import TermStatus

# Which TBX-Basic data category (or termwise role) a MultiTerm field is.
# "note": a plain note. "created-by", "created-on", "modified-by", "modified-on": a
# transaction (TBX transacGrp: origination or modification, who, when).
_FIELDS: dict[str, tuple[str, ...]] = {
    "administrativeStatus": (
        "status",
        "term status",
        "termstatus",
        "usage status",
        "status des terms",
        "benennungsstatus",
        "statut",
        "statut du terme",
        "estado",
        "estado del término",
        "estatus",
        "stato",
        "stato del termine",
        "estado do termo",
        "statuut",
        "approval status",
        "normative status",
    ),
    "definition": (
        "definition",
        "définition",
        "definición",
        "definizione",
        "definição",
        "definitie",
        "begriffsdefinition",
    ),
    "subjectField": (
        "subject",
        "subject field",
        "subject area",
        "domain",
        "fachgebiet",
        "sachgebiet",
        "domaine",
        "dominio",
        "área temática",
        "área",
        "vakgebied",
    ),
    "source": (
        "source",
        "definition source",
        "term source",
        "quelle",
        "fuente",
        "fonte",
        "bron",
    ),
    "context": (
        "context",
        "example",
        "example sentence",
        "kontext",
        "beispiel",
        "contexte",
        "exemple",
        "contexto",
        "ejemplo",
        "contesto",
        "esempio",
        "voorbeeld",
    ),
    "usageNote": (
        "usage",
        "usage note",
        "usage notes",
        "usage remark",
        "verwendung",
        "gebrauch",
        "verwendungshinweis",
        "utilisation",
        "emploi",
        "uso",
        "nota de uso",
        "gebruik",
    ),
    "note": (
        "note",
        "notes",
        "comment",
        "comments",
        "remark",
        "remarks",
        "anmerkung",
        "anmerkungen",
        "kommentar",
        "bemerkung",
        "notiz",
        "hinweis",
        "remarque",
        "commentaire",
        "nota",
        "notas",
        "comentario",
        "comentarios",
        "commento",
        "observación",
        "opmerking",
    ),
    "partOfSpeech": (
        "part of speech",
        "pos",
        "grammar",
        "word class",
        "wortart",
        "catégorie grammaticale",
        "categoría gramatical",
        "categoria grammaticale",
        "classe gramatical",
        "woordsoort",
    ),
    "grammaticalGender": (
        "gender",
        "grammatical gender",
        "genus",
        "genre",
        "género",
        "genere",
        "geslacht",
    ),
    "termType": ("term type", "termtyp", "benennungstyp", "type de terme", "tipo de término"),
    "geographicalUsage": (
        "geographical usage",
        "region",
        "country",
        "regional usage",
        "région",
        "región",
    ),
    "customerSubset": ("customer", "client", "kunde", "cliente"),
    "projectSubset": ("project", "projekt", "projet", "proyecto", "progetto", "project code"),
    "created-by": (
        "created by",
        "creator",
        "author",
        "erstellt von",
        "angelegt von",
        "créé par",
        "creado por",
        "creato da",
        "criado por",
        "aangemaakt door",
    ),
    "created-on": (
        "created",
        "created on",
        "creation date",
        "date created",
        "erstellt am",
        "erstellungsdatum",
        "angelegt am",
        "date de création",
        "fecha de creación",
        "data di creazione",
        "data de criação",
        "aanmaakdatum",
    ),
    "modified-by": (
        "modified by",
        "last modified by",
        "changed by",
        "updated by",
        "geändert von",
        "modifié par",
        "modificado por",
        "modificato da",
        "gewijzigd door",
    ),
    "modified-on": (
        "modified",
        "modified on",
        "last modified",
        "last modified on",
        "modification date",
        "date modified",
        "changed on",
        "last changed",
        "geändert am",
        "änderungsdatum",
        "date de modification",
        "fecha de modificación",
        "data di modifica",
        "data de modificação",
        "wijzigingsdatum",
    ),
}


def _key(text: str) -> str:
    return "".join(char for char in text.casefold() if char.isalnum())


FIELDS: dict[str, str] = {
    _key(name): category for category, names in _FIELDS.items() for name in names
}

# MultiTerm status picklists, in the languages termbases are set up in. A value not here is
# read as TBX spells statuses (``deprecatedTerm-admn-sts``, ``notRecommended``...).
_STATUS_VALUES: dict[TermStatus, tuple[str, ...]] = {
    TermStatus.PREFERRED: (
        "preferred",
        "preferred term",
        "bevorzugt",
        "vorzugsbenennung",
        "préféré",
        "privilégié",
        "recommandé",
        "preferido",
        "preferente",
        "preferito",
        "voorkeur",
        "voorkeursterm",
        "首选",
        "推荐",
    ),
    TermStatus.ADMITTED: (
        "admitted",
        "approved",
        "accepted",
        "allowed",
        "permitted",
        "valid",
        "zugelassen",
        "erlaubt",
        "freigegeben",
        "admis",
        "autorisé",
        "accepté",
        "approuvé",
        "admitido",
        "aceptado",
        "aprobado",
        "permitido",
        "ammesso",
        "consentito",
        "approvato",
        "toegelaten",
        "goedgekeurd",
        "许可",
        "允许",
    ),
    TermStatus.DEPRECATED: (
        "forbidden",
        "forbidden term",
        "prohibited",
        "not allowed",
        "not recommended",
        "do not use",
        "dont use",
        "avoid",
        "rejected",
        "blacklisted",
        "verboten",
        "nicht zugelassen",
        "nicht erlaubt",
        "nicht empfohlen",
        "abgelehnt",
        "gesperrt",
        "unzulässig",
        "interdit",
        "proscrit",
        "déconseillé",
        "à éviter",
        "rejeté",
        "prohibido",
        "desaconsejado",
        "no recomendado",
        "rechazado",
        "vietato",
        "sconsigliato",
        "da evitare",
        "rifiutato",
        "proibido",
        "não recomendado",
        "verboden",
        "afgeraden",
        "禁用",
        "不推荐",
    ),
    TermStatus.SUPERSEDED: (
        "obsolete",
        "superseded",
        "outdated",
        "legacy",
        "archaic",
        "veraltet",
        "obsolet",
        "überholt",
        "obsolète",
        "désuet",
        "vieilli",
        "obsoleto",
        "anticuado",
        "desusado",
        "verouderd",
        "过时",
        "已废弃",
    ),
}
STATUS_VALUES: dict[str, TermStatus] = {
    _key(value): status for status, values in _STATUS_VALUES.items() for value in values
}

_ISO_DATE = re.compile(
    r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$"
)


def field_category(name: str) -> str | None:
    """What MultiTerm field ``name`` is (``administrativeStatus``, ``note``, ``created-by``...)."""
    return FIELDS.get(_key(name))


def status_of(value: str) -> TermStatus | None:
    """The status a MultiTerm status value means (``Forbidden`` → deprecated); None: unclear."""
    found = STATUS_VALUES.get(_key(value))
    if found is not None:
        return found
    try:
        status = TermStatus.parse(value)
    except ValueError:
        return None
    return None if status is TermStatus.UNSPECIFIED else status


def iso_date(value: str) -> str | None:
    """``value`` when it is an ISO 8601 date or date and time (what TBX's ``<date>`` holds)."""
    text = value.strip()
    return text.replace(" ", "T", 1) if _ISO_DATE.match(text) else None
