"""Machine translation in the workbench: the progress bar and the workers behind it.

Translating a book takes minutes, and installing a model means a download, so both run in
thread workers; each batch of results is handed to the UI thread, which records it in the
session (rows change only there) and announces it with ``Translated``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import work
from textual.message import Message
from textual.widgets import ProgressBar

from termwise.errors import TermwiseError
from termwise.tui.closing import closing, hand_over
from termwise.tui.dialogs import Choose
from termwise.tui.keymap import shown_key

if TYPE_CHECKING:
    from termwise.mt.engine import MTResult
    from termwise.review.session import ReviewSession

MT_BATCH = 16


class MTProgress(ProgressBar):
    """The machine translation progress bar, which also runs translation and model install."""

    class Translated(Message):
        """A batch of machine translation was recorded in the session."""

        def __init__(self, segment_ids: list[str]) -> None:
            super().__init__()
            self.segment_ids = segment_ids

    def __init__(self, session: ReviewSession, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.session = session
        self.running = False
        # New segments (a split's parts) came while MT ran: translated once it is done.
        self._again = False
        # No engine for the pair: the translator was asked once what to do about it.
        self.unavailable = False

    def action_translate(self, quiet: bool = False) -> None:
        if self.running:
            self.notify("Machine translation is already running.")
            return
        ids = self.session.needs_mt()
        if not ids:
            if not quiet:
                self.notify("Every segment has machine translation or a person's translation.")
            return
        self.running = True
        self._translate(ids)

    def translate_new_segments(self) -> None:
        """MT for segments that have none since a split (its parts), as MT on opening gives
        it, in the background: the split-off part's MT column stayed empty though an engine
        was there. Quiet, and never the no-engine dialog a second time."""
        if self.unavailable:
            return
        if self.running:
            # The running batch list was made before the split: its parts are not in it.
            self._again = True
            return
        self.action_translate(quiet=True)

    @work(thread=True, exclusive=True, group="mt", description="machine translation")
    def _translate(self, ids: list[str]) -> None:
        from termwise.mt import open_engine
        from termwise.project.settings import MTSettings

        session = self.session
        try:
            # termwise.toml's [mt] beam (its engine is already the session's default).
            options = MTSettings.from_settings(session.layout.settings()).engine_options()
            # The glossary's renderings, as in `termwise translate` (and the same cache keys).
            engine = open_engine(
                session.engine_name,
                session.source_lang,
                session.target_lang,
                constraints=session.mt_constraints(),
                **options,
            )
            hand_over(self, self._started, 0, len(ids), engine.name)
            for start in range(0, len(ids), MT_BATCH):
                if closing(self):
                    return  # a book's MT took minutes after the quit, for nothing shown
                batch = ids[start : start + MT_BATCH]
                texts = [session.source_text(segment_id) for segment_id in batch]
                # A heading is translated as one, as `termwise translate` does (same cache keys).
                kinds = [session.document.segment(segment_id).kind for segment_id in batch]
                results = engine.translate(
                    texts, session.source_lang, session.target_lang, kinds=kinds
                )
                hand_over(
                    self,
                    self._batch_done,
                    dict(zip(batch, results, strict=True)),
                    start + len(batch),
                    len(ids),
                )
        except TermwiseError as error:
            hand_over(self, self._unavailable, str(error))
        except Exception as error:  # noqa: BLE001 - an engine crash must not kill the UI
            hand_over(self, self._unavailable, f"{type(error).__name__}: {error}")
        finally:
            hand_over(self, self._finished)

    def _started(self, done: int, total: int, engine: str) -> None:
        self.unavailable = False  # installed since, or F2 found it
        self.add_class("running")
        self.update(total=total, progress=done)
        self.notify(f"Translating {total} segment(s) with {engine}…")

    def _batch_done(self, results: dict[str, MTResult], done: int, total: int) -> None:
        self.session.record_mt(results)
        self.update(total=total, progress=done)
        self.post_message(self.Translated(list(results)))

    def _finished(self) -> None:
        self.running = False
        self.remove_class("running")
        if self._again:
            self._again = False
            self.translate_new_segments()

    def _unavailable(self, message: str) -> None:
        self.unavailable = True
        self._again = False
        self.notify(message, title="No machine translation", severity="warning", timeout=12)
        options = [
            (
                "install",
                f"Install the Argos model {self.session.source_lang} → "
                f"{self.session.target_lang} (download)",
            ),
            ("skip", "Review without machine translation this time"),
            (
                "never",
                "Review without machine translation; do not ask again in this project "
                "(no language is translated on opening then)",
            ),
        ]

        def done(choice: str | None) -> None:
            if choice == "install":
                self.action_install_model()
            elif choice == "never":
                self._stop_translating_on_opening()

        hint = (
            f"{message}\n(Do not ask again writes [mt] on-opening = false into the project's "
            "termwise.toml: no pair is translated on opening, not even one with an engine; "
            f"{shown_key(self.app, 'review.translate')} still translates when asked.)"
        )
        # Highlighted: going on without MT. A stray Enter started a download of hundreds of
        # MB; the download is one key up.
        self.app.push_screen(
            Choose(
                "No machine translation installed for this pair",
                options,
                help=hint,
                current="skip",
                unasked=True,
            ),
            done,
        )

    def _stop_translating_on_opening(self) -> None:
        from termwise.project.settings import set_mt_on_opening

        path = self.session.layout.config_path
        try:
            set_mt_on_opening(path, False)
        except (TermwiseError, OSError) as error:
            self.notify(f"Not saved: {error}", severity="error", timeout=12)
            return
        translate = shown_key(self.app, "review.translate")
        self.notify(f"{path}: [mt] on-opening = false. {translate} translates when you ask.")

    def action_install_model(self) -> None:
        self._install_model()

    @work(thread=True, exclusive=True, group="mt")
    def _install_model(self) -> None:
        from termwise.mt.index import download, fetch_index, find_available
        from termwise.mt.packages import argos_paths, install_archive

        session = self.session
        paths = argos_paths()
        try:
            # fetch_index and download give up within their connect timeout (< 10 s).
            entries, _warning = fetch_index(paths)
            entry = find_available(session.source_lang, session.target_lang, entries)

            def progress(done: int, total: int | None) -> None:
                hand_over(self, self._install_progress, done, total)

            archive = download(entry, paths, progress=progress)
            try:
                install_archive(archive, paths)
            finally:
                archive.unlink(missing_ok=True)
        except (TermwiseError, OSError) as error:
            hand_over(
                self, self.notify, f"Model not installed: {error}", severity="error", timeout=15
            )
            hand_over(self, self._finished)
            return
        hand_over(self, self._finished)
        hand_over(self, self.notify, "Model installed; translating.")
        hand_over(self, self.action_translate)

    def _install_progress(self, done: int, total: int | None) -> None:
        self.add_class("running")
        self.update(total=total, progress=done)
