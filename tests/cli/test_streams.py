def test_output_to_a_text_only_stream_is_written_as_text(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A standard output without a binary buffer (io.StringIO, an IDE console) gets the text."""
    import io
    import sys

    from jiguan_core.cli.streams import write_text

    stream = io.StringIO()
    monkeypatch.setattr(sys, "stdout", stream)
    write_text("检查报告 report\n", None)
    assert stream.getvalue() == "检查报告 report\n"
