#!/usr/bin/env python3
"""Side-by-side table of bench/indexing.sh's runs: compare_indexing.py OUTPUT… (each file holds one run's output,
Java's or Python's, in the order they ran; with several rounds each side's median run is compared)."""
import json
import sys


def result(path):
    with open(path, encoding="utf-8") as f:
        lines = [l for l in f.read().splitlines() if l.startswith("JSON ")]
    if not lines:
        sys.exit(f"no JSON result line in {path}")
    return json.loads(lines[-1][5:])


def median_run(runs):
    ordered = sorted(runs, key=lambda r: r["elapsed_s"])
    return ordered[(len(ordered) - 1) // 2]


def main():
    runs = [result(path) for path in sys.argv[1:]]
    java = [r for r in runs if r["stack"] == "athenaeum"]
    python = [r for r in runs if r["stack"] == "python"]
    if not java or not python:
        sys.exit("need at least one Java and one Python result")
    j, p = median_run(java), median_run(python)
    print("# Indexing throughput: comparison")
    print()
    if len(java) > 1 or len(python) > 1:
        print("| round | Java MB/s | Python MB/s | Java ÷ Python |")
        print("|---|---|---|---|")
        for i, (a, b) in enumerate(zip(java, python), 1):
            print(f"| {i} | {a['mb_per_s']:.4f} | {b['mb_per_s']:.4f} | {a['mb_per_s'] / b['mb_per_s']:.2f}× |")
        print()
        print(f"Below: each side's median run (of {len(java)} Java, {len(python)} Python).")
        print()
    if j["files"] != p["files"] or j["bytes"] != p["bytes"]:
        print(f"WARNING: the two stacks read different files: Java {j['files']} files / {j['bytes']} bytes, "
              f"Python {p['files']} files / {p['bytes']} bytes")
        print()
    print("| stack | files | MB | chunks | vectors | elapsed (s) | in the model (s) | chunks/s | MB/s | text never embedded |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    print(f"| Athenaeum (Java; all-MiniLM-L6-v2 int8 ONNX; {j['chunk_size']}-token chunks, {j['chunk_overlap']} overlap, "
          f"embedded whole in windows) | {j['files']} | {j['mb']:.2f} | {j['chunks']} | {j['windows']} | "
          f"{j['elapsed_s']:.1f} | {j['model_s']:.1f} | {j['chunks_per_s']:.1f} | {j['mb_per_s']:.4f} | 0% |")
    print(f"| Python (RecursiveCharacterTextSplitter {p['chunk_size']}/{p['chunk_overlap']} chars; sentence-transformers "
          f"all-MiniLM-L6-v2 fp32, batch {p['batch_size']}) | {p['files']} | {p['mb']:.2f} | {p['chunks']} | "
          f"{p['chunks']} | {p['elapsed_s']:.1f} | {p['embed_s']:.1f} | {p['chunks_per_s']:.1f} | {p['mb_per_s']:.4f} | "
          f"{100 * p['share_chars_never_embedded']:.1f}% of the text ({100 * p['share_chunks_truncated']:.1f}% of "
          f"chunks cut at {p['max_seq_length']} word pieces) |")
    print()
    ratio = j["mb_per_s"] / p["mb_per_s"] if p["mb_per_s"] else float("inf")
    print(f"MB/s, Java ÷ Python: {ratio:.2f}×")
    print()
    print("Read with care: Athenaeum's time includes writing its whole index (chunk store, BM25 index, vectors, "
          "graph), the Python stack's only a numpy array; Athenaeum runs the int8-quantised model through ONNX "
          "Runtime, the Python stack the fp32 model through PyTorch; and the Python stack embeds only the first "
          f"{p['max_seq_length']} word pieces of each chunk: {100 * p['share_never_embedded']:.1f}% of its chunks' "
          f"word pieces are cut off, and {100 * p['share_chars_never_embedded']:.1f}% of the corpus's non-blank "
          "characters are in no embedded text even counting the overlap between chunks, so they can never be found "
          "by meaning; Athenaeum embeds all of its text (in overlapping windows).")
    print(f"Model load and warm-up, not included: Java {j['load_s']:.1f} s, Python {p['load_s']:.1f} s.")


if __name__ == "__main__":
    main()
