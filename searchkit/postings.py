"""Posting lists and field lengths of a whoosh index segment as numpy arrays.

whoosh3 writes a term's postings in blocks of up to 128: a pickled tuple of
delta-encoded document numbers, weights and values (word positions, which
scoring does not need). This module reads a whole list at once into arrays,
without whoosh's per-posting matcher calls, and keeps what it read: a
segment never changes while a reader has it open, so each list is decoded at
most once while it stays in the cache.

It reads whoosh3's on-disk format directly; :class:`UnreadableSegment` is
raised for a segment it does not recognise, and callers fall back to whoosh.
"""

from __future__ import annotations

import pickle
import struct
import zlib
from collections import OrderedDict
from collections.abc import Callable, Iterator
from functools import lru_cache
from io import BytesIO
from typing import Any, NamedTuple

import numpy as np
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3TermsReader, _lenfield
from whoosh.reading import SegmentReader
from whoosh.util.numeric import byte_to_length

_BLOCK_LENGTH = struct.Struct("!i")
_HEADER = 4  # the magic bytes before a term's first block
#: Field lengths as whoosh stores them, one byte per document (lossy above 4), decoded.
_LENGTHS = np.array([byte_to_length(b) for b in range(256)], dtype=np.float64)
#: The decoded postings kept per segment, in bytes of arrays.
CACHE_BYTES = 64 * 2**20
#: Encoded position lists whose decoding is remembered, per field of a segment.
DECODED_POSITIONS = 4096


class UnreadableSegment(Exception):
    """The segment is not in the whoosh3 format this module reads."""


class Postings(NamedTuple):
    """A term's postings in one segment: document numbers (ascending, deleted
    documents left out) and the term's weight (frequency) in each."""

    ids: np.ndarray
    weights: np.ndarray


_EMPTY = Postings(np.empty(0, dtype=np.int32), np.empty(0, dtype=np.float32))


class SegmentPostings:
    """Reads the postings and field lengths of one segment, caching what it read."""

    def __init__(self, reader: SegmentReader, cache_bytes: int = CACHE_BYTES) -> None:
        terms = getattr(reader, "_terms", None)
        if not isinstance(terms, W3TermsReader):
            raise UnreadableSegment(f"not a whoosh3 segment: {reader!r}")
        self._reader = reader
        self._terms = terms
        self._doc_count = reader.doc_count_all()
        deleted = sorted(reader.deleted_docs_set)
        self._deleted = np.array(deleted, dtype=np.int32) if deleted else None
        self._cache: OrderedDict[tuple[str, bytes], Postings] = OrderedDict()
        self._cache_bytes = cache_bytes
        self._cached = 0
        self._lengths: dict[str, np.ndarray] = {}
        self._decoders: dict[str, Callable[[bytes], list[int]]] = {}

    @property
    def doc_count(self) -> int:
        """Documents in the segment, deleted ones included (document numbers are below it)."""
        return self._doc_count

    def postings(self, fieldname: str, btext: bytes) -> Postings:
        """The postings of a term (none if the segment does not hold it)."""
        key = (fieldname, btext)
        found = self._cache.get(key)
        if found is not None:
            self._cache.move_to_end(key)
            return found
        if key not in self._terms:
            return _EMPTY
        found = self._read(fieldname, btext)
        size = found.ids.nbytes + found.weights.nbytes
        if size <= self._cache_bytes:
            self._cache[key] = found
            self._cached += size
            while self._cached > self._cache_bytes:
                _, dropped = self._cache.popitem(last=False)
                self._cached -= dropped.ids.nbytes + dropped.weights.nbytes
        return found

    def lengths(self, fieldname: str) -> np.ndarray:
        """Each document's length of ``fieldname`` in words, as whoosh scores with it."""
        found = self._lengths.get(fieldname)
        if found is None:
            found = self._lengths[fieldname] = _LENGTHS[self._length_bytes(fieldname)]
        return found

    def _length_bytes(self, fieldname: str) -> np.ndarray:
        perdoc: Any = self._reader._perdoc
        column = perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
        lengths = np.zeros(self._doc_count, dtype=np.uint8)
        if column is not None:
            count = min(column._count, self._doc_count)
            stored = column._dbfile.get(column._basepos, count)
            lengths[:count] = np.frombuffer(stored, dtype=np.uint8)
        return lengths

    def positions(self, fieldname: str, btext: bytes, docs: np.ndarray) -> list[list[int]]:
        """The word positions of a term in each of ``docs`` (ascending document numbers
        that hold the term), read from the blocks that hold those documents only."""
        if not len(docs):
            return []
        values: dict[int, bytes] = {}
        info = self._terms.term_info(fieldname, btext)
        if info.is_inlined():
            ids, _, stored = info.inlined_postings()
            values = dict(zip(ids, stored, strict=True))
        else:
            wanted = 0
            for _, last, compressed, block in _blocks(self._extent(info)):
                if docs[wanted] > last:
                    continue
                deltas, _, stored = _unpickled(block, compressed)
                values.update(zip(_block_ids(deltas).tolist(), stored, strict=True))
                wanted = int(np.searchsorted(docs, last, side="right"))
                if wanted == len(docs):
                    break
        decode = self._decoders.get(fieldname)
        if decode is None:
            fmt: Any = self._reader.schema[fieldname].format
            # The same few encoded position lists recur in thousands of documents.
            decode = self._decoders[fieldname] = lru_cache(maxsize=DECODED_POSITIONS)(fmt.decode_positions)
        return [decode(values[docnum]) for docnum in docs.tolist()]

    def _extent(self, info: Any) -> bytes:
        """The bytes of a term's blocks in the postings file."""
        offset, length = info.extent()
        if isinstance(length, tuple):  # whoosh3 reads the length as a 1-tuple
            (length,) = length
        return self._terms._postfile.get(offset, length)

    def _read(self, fieldname: str, btext: bytes) -> Postings:
        info = self._terms.term_info(fieldname, btext)
        if info.is_inlined():
            ids, weights, _ = info.inlined_postings()
            postings = Postings(np.array(ids, dtype=np.int32), np.array(weights, dtype=np.float32))
        else:
            postings = _decode_blocks(self._extent(info))
        if self._deleted is not None:
            keep = ~np.isin(postings.ids, self._deleted, assume_unique=True)
            postings = Postings(postings.ids[keep], postings.weights[keep])
        return postings


def _blocks(data: bytes) -> Iterator[tuple[int, int, bool, bytes]]:
    """Each block of a term (``data``: the term's extent of the postings file): its number
    of postings, its last document number, whether it is compressed, and its pickled
    (ids, weights, values)."""
    position = _HEADER
    while True:
        (size,) = _BLOCK_LENGTH.unpack_from(data, position)
        position += _BLOCK_LENGTH.size
        end = position + abs(size)
        # The block's info: (count, last id, max weight, compression, min and max length bytes).
        info = BytesIO(data[position:end])
        count, last, _, compression, _, _ = pickle.load(info)
        yield count, last, bool(compression), data[position + info.tell() : end]
        position = end
        if size < 0:  # the last block
            return


def _unpickled(block: bytes, compressed: bool) -> tuple[Any, Any, Any]:
    """A block's (delta-encoded ids, weights, values)."""
    return pickle.loads(zlib.decompress(block) if compressed else block)


def _block_ids(deltas: tuple[int, ...]) -> np.ndarray:
    """A block's document numbers: delta-encoded within the block, the first from 0."""
    return np.cumsum(np.array(deltas, dtype=np.int64))


def _decode_blocks(data: bytes) -> Postings:
    """The postings of a term's blocks (``data``: the term's extent of the postings file).

    Only the start of a compressed block is inflated, where its ids and weights are.
    """
    ids: list[np.ndarray] = []
    weights: list[np.ndarray] = []
    for count, _, compressed, block in _blocks(data):
        start = zlib.decompressobj().decompress(block, _START_BYTES + 11 * count) if compressed else block
        decoded = _read_pickle_start(start, count)
        if decoded is None:
            deltas, block_weights, _ = _unpickled(block, compressed)
            decoded = _block_ids(deltas), _weights(block_weights, count)
        ids.append(decoded[0])
        weights.append(decoded[1])
    return Postings(np.concatenate(ids).astype(np.int32), np.concatenate(weights))


def _weights(stored: float | tuple[float, ...] | None, count: int) -> np.ndarray:
    """A block's weights: None when all are 1, one number when all are equal."""
    if stored is None:
        return np.ones(count, dtype=np.float32)
    if isinstance(stored, float):
        return np.full(count, stored, dtype=np.float32)
    return np.array(stored, dtype=np.float32)


# Pickle opcodes of the (ids, weights, values) tuple whoosh writes with protocol 2.
_START = b"\x80\x02("  # PROTO 2, MARK of the ids
_INT_WIDTHS = {ord("K"): 1, ord("M"): 2, ord("J"): 4}
#: The most bytes the ids and weights of a block take, besides 11 per posting.
_START_BYTES = 16
_TUPLE, _MARK, _FLOAT, _NONE, _MEMO = ord("t"), ord("("), ord("G"), ord("N"), ord("q")


def _read_pickle_start(block: bytes, count: int) -> tuple[np.ndarray, np.ndarray] | None:
    """A block's ids and weights read from its pickle without unpickling it: unpickling
    also decodes every posting's positions, which scoring does not need. None for a
    block not laid out as usual (then it is unpickled): under 4 postings, or a gap
    between ids over 255 after the first. ``block`` may be cut after the weights."""
    try:
        return _ids_and_weights(block, count)
    except IndexError:  # cut short: not the usual layout
        return None


def _ids_and_weights(block: bytes, count: int) -> tuple[np.ndarray, np.ndarray] | None:
    at = len(_START)
    width = _INT_WIDTHS.get(block[at]) if count >= 4 and block.startswith(_START) else None
    if width is None:
        return None
    first = int.from_bytes(block[at + 1 : at + 1 + width], "little", signed=width == 4)
    at += 1 + width
    end = at + 2 * (count - 1)
    if block[at:end:2] != b"K" * (count - 1) or block[end : end + 1] != b"t":
        return None
    ids = np.frombuffer(block[at + 1 : end : 2], dtype=np.uint8).astype(np.int64)
    ids[0] += first
    np.cumsum(ids, out=ids)
    ids = np.concatenate(([first], ids))
    at = end + 1
    if block[at] == _MEMO:
        at += 2
    if block[at] == _NONE:
        return ids, np.ones(count, dtype=np.float32)
    if block[at] == _FLOAT:
        (weight,) = struct.unpack_from(">d", block, at + 1)
        return ids, np.full(count, weight, dtype=np.float32)
    if block[at] != _MARK or block[at + 1 : at + 1 + 9 * count : 9] != b"G" * count:
        return None
    weights = np.ndarray((count,), dtype=">f8", buffer=block, offset=at + 2, strides=(9,))
    return ids, weights.astype(np.float32)
