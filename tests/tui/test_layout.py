"""Row height bookkeeping and cell-aware wrapping, the grid's two foundations."""

from __future__ import annotations

import random

from rich.cells import cell_len

from termwise.tui.heights import HeightIndex
from termwise.tui.wrapping import estimate_lines, wrap_spans


def test_height_index_matches_a_plain_prefix_sum_under_random_updates() -> None:
    rng = random.Random(7)
    heights = [rng.randint(1, 6) for _ in range(1000)]
    index = HeightIndex(heights)
    for _ in range(300):
        row = rng.randrange(len(heights))
        new = rng.randint(1, 9)
        assert index.set_height(row, new) == new - heights[row]
        heights[row] = new
        probe = rng.randrange(len(heights) + 1)
        assert index.offset(probe) == sum(heights[:probe])
    assert index.total == sum(heights)
    y = 0
    for row, height in enumerate(heights[:200]):
        for within in range(height):
            assert index.locate(y) == (row, within)
            y += 1
    assert index.locate(index.total)[0] == len(heights)


def test_wrap_keeps_words_whole_and_lines_within_width() -> None:
    text = "The idea of human destiny community is first and foremost a world outlook."
    spans = wrap_spans(text, 20)
    lines = [text[start:end] for start, end in spans]
    assert all(len(line) <= 20 for line in lines)
    assert " ".join(lines) == text
    assert lines[0] == "The idea of human"


def test_wrap_counts_cjk_as_two_cells_and_breaks_between_characters() -> None:
    text = "构建人类命运共同体是中国外交的总目标。"
    spans = wrap_spans(text, 10)
    lines = [text[start:end] for start, end in spans]
    assert "".join(lines) == text
    assert all(cell_len(line) <= 10 for line in lines)
    assert [cell_len(line) for line in lines[:-1]] == [10] * (len(lines) - 1)


def test_wrap_splits_a_word_longer_than_the_column() -> None:
    spans = wrap_spans("a " + "x" * 25 + " b", 10)
    assert [end - start for start, end in spans] == [1, 10, 10, 7]


def test_estimate_is_close_to_the_real_line_count_for_uniform_text() -> None:
    # The estimate extrapolates from the first characters, so it holds for text of one
    # script (a row of mixed scripts is measured exactly once it is shown).
    rng = random.Random(3)
    for words, glue in (
        (["community", "of", "human", "destiny", "win-win", "a"], " "),
        (["人类", "命运", "共同体", "构建", "的"], ""),
    ):
        for _ in range(200):
            text = glue.join(rng.choice(words) for _ in range(rng.randint(0, 40)))
            width = rng.randint(5, 60)
            real = len(wrap_spans(text, width))
            # Spaces dropped at line breaks and words pushed to the next line make the two
            # differ a little; the grid corrects a row's height when it first shows it.
            assert abs(estimate_lines(text, width) - real) <= max(1, real // 3)


async def test_the_grid_keeps_one_rendering_per_row_however_often_it_changes() -> None:
    """Typing into a row renders it again at every key: the old renderings must go, or a
    long row typed into 200 times held tens of MB until they were evicted."""
    from textual.app import App, ComposeResult

    from termwise.review.rows import Row
    from termwise.tui.grid import SegmentGrid

    rows = [Row(f"s{n}", f"Sentence {n}.", "", "Frase.", "edited", False) for n in range(30)]

    class GridApp(App[None]):
        def compose(self) -> ComposeResult:
            yield SegmentGrid(rows, titles=("English", "MT", "Spanish"))

    app = GridApp()
    async with app.run_test(size=(80, 24)) as pilot:
        grid = app.query_one(SegmentGrid)
        await pilot.pause()
        shown = len(grid._cache)
        assert 0 < shown <= len(rows)
        for number in range(50):
            rows[0].target = "Ω" * (number + 1) + " Frase."
            rows[0].touch()
            grid.row_changed(0)
            await pilot.pause()
        assert len(grid._cache) == shown
        assert grid._row_strips(0) is grid._row_strips(0)  # still cached


def test_chinese_closing_marks_never_start_a_line_nor_opening_ones_end_one() -> None:
    # "以倘" / "。": a wrapped Chinese cell began a line with the full stop.
    text = "从疏割起行，安营在旷野边的以倘。然后「他们」走了。"
    for width in range(4, 20):
        lines = [text[start:end] for start, end in wrap_spans(text, width)]
        assert "".join(lines) == text
        assert not any(line[0] in "。，」" for line in lines), (width, lines)
        assert not any(line[-1] == "「" for line in lines), (width, lines)


async def test_the_mt_column_opens_only_once_there_is_machine_translation() -> None:
    """Without an engine the middle third of the grid stood empty under its title."""
    from textual.app import App, ComposeResult

    from termwise.review.rows import Row
    from termwise.tui.grid import SegmentGrid

    rows = [Row(f"s{n}", f"Sentence {n}.", "", "Frase.", "edited", False) for n in range(5)]

    class GridApp(App[None]):
        def compose(self) -> ComposeResult:
            yield SegmentGrid(rows, titles=("English", "MT", "Spanish"), mt_column=False)

    app = GridApp()
    async with app.run_test(size=(150, 24)) as pilot:
        grid = app.query_one(SegmentGrid)
        await pilot.pause()
        header = "".join(segment.text for segment in grid.render_line(0))
        assert not grid.shows_mt and "MT" not in header and "Spanish" in header
        rows[1].mt = "Frase uno."
        grid.show_mt_column()
        await pilot.pause()
        header = "".join(segment.text for segment in grid.render_line(0))
        assert grid.shows_mt and "MT" in header
