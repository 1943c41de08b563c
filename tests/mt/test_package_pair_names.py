"""An index entry and an installed package read their language pair by one rule: the same
BCP 47 tags and the same Argos package name, so that what ``models install`` downloads is
the package ``models list`` then shows."""

from __future__ import annotations

import json
from pathlib import Path

from termwise.mt.index import _parse_index
from termwise.mt.packages import install_archive


def test_an_index_entry_and_the_package_it_installs_name_the_pair_alike(
    argos_env: Path, argos_package: Path
) -> None:
    installed = install_archive(argos_package)
    index = [{"from_code": "en", "to_code": "es", "package_version": "1.0", "links": []}]
    (entry,) = _parse_index(json.dumps(index).encode("utf-8"), "test index")
    assert (entry.src, entry.tgt) == (installed.src, installed.tgt) == ("en", "es")
    assert entry.file_name == f"{installed.name}.argosmodel" == "translate-en_es.argosmodel"
    assert installed.model_id == "translate-en_es@1.0"


def test_argos_codes_become_bcp47_tags_in_an_index_entry() -> None:
    # Argos writes Traditional Chinese "zt"; termwise speaks of zh-Hant.
    index = [{"from_code": "zt", "to_code": "en", "package_version": "1.9", "links": ["u"]}]
    (entry,) = _parse_index(json.dumps(index).encode("utf-8"), "test index")
    assert (entry.src, entry.tgt) == ("zh-Hant", "en")
    assert entry.file_name == "translate-zt_en.argosmodel"
