"""Text layer: decoding bytes, Arabic folding with an offset map, sentence splitting. No Qt, no DB."""
