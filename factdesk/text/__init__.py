"""Text layer: decoding, Arabic folding with an offset map, sentences. No Qt, no DB."""
