# Shared by bin/local and bin/ddb: build local/ and synthesize a stage only when their inputs changed.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

say() { echo "[local] $*" >&2; }

# Compiles local/ (with the Lambda sources it runs) unless nothing changed since the last build.
build_local() {
  local stamp=$ROOT/local/target/.built
  if [ ! -f "$stamp" ] || [ -n "$(cd "$ROOT" && find build/pom.xml lambda/pom.xml lambda/src/main local/pom.xml local/src/main -newer "$stamp" -print -quit)" ]; then
    say "building local/ (mvn) ..."
    mvn -q -f "$ROOT/local/pom.xml" compile >&2
    touch "$stamp"
  fi
}

# Synthesizes stage $1 into cdk.out/local-$1, with the Lambda jars it deploys, unless cdk.json, the CDK app and
# the Lambda code are unchanged since the last synth.
synth_stage() {
  local stage=$1 out=$ROOT/cdk.out/local-$1
  local stamp=$out/.synthesized
  # stages.local.json: the operator's own stage values (README, Stages), git-ignored, read by the app when present.
  local overrides=""
  [ -f "$ROOT/stages.local.json" ] && overrides=stages.local.json
  if [ ! -f "$stamp" ] || [ -n "$(cd "$ROOT" && find cdk.json build/pom.xml pom.xml src/main lambda/pom.xml lambda/src/main $overrides -newer "$stamp" -print -quit)" ]; then
    [ -d "$ROOT/node_modules" ] || { say "installing the pinned aws-cdk CLI (npm ci) ..."; (cd "$ROOT" && npm ci --silent >&2); }
    say "synthesizing stage $stage ..."
    mkdir -p "$ROOT/cdk.out"
    # Every stack, so the Lambda jars are bundled exactly as for a deploy: local mode runs the deployed artifact.
    # Jars of earlier synths go first; cdk.out would otherwise keep one per change of the Lambda code.
    rm -rf "$out"/asset.*
    if ! (cd "$ROOT" && npx cdk synth -c "stage=$stage" --quiet -o "$out") > "$out.log" 2>&1; then
      grep -v '^!!' "$out.log" >&2
      return 1
    fi
    touch "$stamp"
  fi
}

# bin/ddb's commands that read the stage's synthesized template (schema-load, seed, redrive, import-mapping) get it
# synthesized first when missing or stale. The subcommand is always $1: ddb itself takes no options but --help, so picocli
# refuses any word before the subcommand (DdbCliTest.optionsBeforeTheSubcommandAreRefused). A redrive of a deployed stage
# reads the stack in AWS instead, and --cdk-out names a synthesized stage of the caller's, so neither needs this synth.
ddb_synth() {
  case "${1:-}" in
    schema-load|seed|redrive|import-mapping) ;;
    *) return 0 ;;
  esac
  local stage=dev synth=true i j
  for ((i = 1; i <= $#; i++)); do
    if [ "${!i}" = "--stage" ]; then j=$((i + 1)); stage=${!j:-dev}; fi
    case "${!i}" in --stage=*) stage=${!i#--stage=} ;; --deployed|--cdk-out|--cdk-out=*) synth=false ;; esac
  done
  if [ "$synth" = true ]; then synth_stage "$stage"; fi
}

run_java() {
  exec java -Dsqlite4java.library.path="$ROOT/local/target/native-libs" -Dcruddur.root="$ROOT" \
    -Dlambda.runtime.libraries="$ROOT/local/target/lambda-runtime" -XX:+UseSerialGC -Xmx512m \
    -cp "$ROOT/local/target/classes:$(cat "$ROOT/local/target/runtime-classpath.txt")" "$@"
}
