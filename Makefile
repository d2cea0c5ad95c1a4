# Rootwise: `make run` opens the app, `make test` runs everything.
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
export PATH := $(HOME)/.cargo/bin:$(PATH)

APP := target/debug/rootwise
XVFB := xvfb-run -a -s "-screen 0 1200x800x24"

.PHONY: run dev test setup setup-test app check-rust check-ui e2e bindings bench bench-ui generate soak-merge fuzz-helpdesk hub bench-hub

## run: install what is missing, build the app, open it on the default workspace
run: setup app
	$(APP)

## dev: the app with the UI served by Vite (hot reload)
dev: setup
	cd ui && npm run tauri -- dev

## hub: a team hub on this computer (PostgreSQL in target/hub/, the hub on 127.0.0.1:8787, a token)
hub:
	@scripts/hub.sh

## bench-hub: 200 clients push and pull through a hub on 127.0.0.1 (and with the hub killed, PostgreSQL restarted); figures only
bench-hub:
	cargo bench -p rootwise-hub --bench load

## test: formatting, lints, unit, story and end-to-end tests
test: setup-test check-rust check-ui e2e

setup:
	@scripts/setup.sh build

setup-test:
	@scripts/setup.sh test

check-rust:
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo test --workspace

check-ui:
	cd ui && npm run typecheck && npm run lint && npm test

## app: the debug app with the built UI embedded (what the e2e suite drives)
app:
	cd ui && npm run tauri -- build --debug --no-bundle

e2e: app
	WEBKIT_DISABLE_DMABUF_RENDERER=1 $(XVFB) node --test --test-concurrency=1 tests/e2e/specs/
	@echo "screenshots: target/e2e/"

## bindings: regenerate ui/src/bindings from the Rust types
bindings:
	UPDATE_BINDINGS=1 cargo test -p rootwise-core --test bindings
	UPDATE_BINDINGS=1 cargo test -p rootwise-report --test bindings
	UPDATE_BINDINGS=1 cargo test -p rootwise --lib contract

## bench: criterion benchmarks on a generated workspace (ROOTWISE_BENCH_PROBLEMS, default 100000)
bench:
	cargo bench -p rootwise-core

## soak-merge: the merge convergence property with many cases, in release mode (CASES=2000)
CASES ?= 2000
soak-merge:
	PROPTEST_CASES=$(CASES) cargo test --release -p rootwise-core --test convergence -- --nocapture

## fuzz-helpdesk: each help-desk layout fuzzed for FUZZ_SECONDS (600) in release mode; inputs per layout
FUZZ_SECONDS ?= 600
fuzz-helpdesk:
	FUZZ_SECONDS=$(FUZZ_SECONDS) cargo test --release -p rootwise-core --test helpdesk_fuzz -- --ignored --nocapture

## bench-ui: in the real app, the 1,000-node why-tree (outline, typing, diagram), a 500-note empathy board (open, drag) and a 1,000-card journey map (open, typing); figures only
bench-ui: app
	WEBKIT_DISABLE_DMABUF_RENDERER=1 $(XVFB) node tests/e2e/bench/tree.mjs
	WEBKIT_DISABLE_DMABUF_RENDERER=1 $(XVFB) node tests/e2e/bench/board.mjs
	WEBKIT_DISABLE_DMABUF_RENDERER=1 $(XVFB) node tests/e2e/bench/journey.mjs

## generate: a workspace with N synthetic problems (N=100000 OUT=target/generated.db)
N ?= 100000
OUT ?= target/generated.db
generate:
	cargo run --release -p rootwise-core --bin rootwise-gen -- --problems $(N) $(OUT)
