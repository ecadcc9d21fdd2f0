#!/usr/bin/env bash
# Leave-one-corpus-out: for each corpus, fits the weights without it (and
# without generated pages built from its stories), then scores the held-out
# corpus with those weights. The honest number for a paper never seen.
#   bash tools/fit/leave_one_out.sh            # dev rmrb rmrbpdf jingbao own conventions
#   BM_FIT_BAG=3 bash tools/fit/leave_one_out.sh   # each fit the mean of 3, as the shipped model
#   BM_LOO="rmrb" bash tools/fit/leave_one_out.sh
# Needs a build with tests (build/tools/bm_debug) and ../shared (or $BM_SHARED).
set -euo pipefail
cd "$(dirname "$0")/../.."
shared=${BM_SHARED:-../shared}
work=${BM_LOO_DIR:-build/loo}
mkdir -p "$work"
bm_debug=${BM_DEBUG:-build/tools/bm_debug}
args=(--bm-debug "$bm_debug" --shared "$shared" --corpus dev --corpus rmrb --corpus rmrbpdf --corpus jingbao
      --extra tests/data/pages/own:tests/data/gold/own
      --extra tests/data/pages/conventions:tests/data/gold/conventions)
bag=${BM_FIT_BAG:-1}
args+=(--gen-pages 300 --bag "$bag" --epochs ${BM_FIT_EPOCHS:-16})
for held in ${BM_LOO:-dev rmrb rmrbpdf jingbao own conventions}; do
  # The generated training pages are rebuilt from the other corpora's stories
  # only (the page conventions are the generator's, not any corpus's).
  # rmrbpdf holds rmrb's stories in another form: holding it out tests the
  # form (the PDF extractor's text), not unseen stories.
  case $held in
    dev|rmrb|jingbao) exclude=(--exclude "$held") ;;
    *) exclude=() ;;
  esac
  python3 tools/gen/make_pages.py --shared "$shared" --out "$work/gen-$held" --pages $((300 * bag)) --seed 2 "${exclude[@]}" \
    2>/dev/null
  python3 tools/fit/fit.py "${args[@]}" --gen "$work/gen-$held" --leave-out "$held" \
    --out "$work/without-$held.model" 2>"$work/fit-$held.log"
  case $held in
    own|conventions) dirs=(--corpus-dir "$held=tests/data/pages/$held:tests/data/gold/$held") ;;
    *) dirs=() ;;
  esac
  echo "== held out: $held"
  python3 tools/eval/run_eval.py --cli build/src/cli/banmian --bm-debug "$bm_debug" --shared "$shared" --work "$work/pred" \
    --model "$work/without-$held.model" "${dirs[@]}" "$held" | sed -n '1,2p'
done
