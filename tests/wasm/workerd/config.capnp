# config.capnp — workerd configuration for test-worker.js, laid out beside a copy of the
# package's js/ and dist/ by ../workerd.test.mjs.
using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [(name = "main", worker = .worker)],
);

const worker :Workerd.Worker = (
  modules = [
    (name = "test-worker.js", esModule = embed "test-worker.js"),
    (name = "js/index.js", esModule = embed "js/index.js"),
    (name = "js/abort.js", esModule = embed "js/abort.js"),
    (name = "js/arguments.js", esModule = embed "js/arguments.js"),
    (name = "js/errors.js", esModule = embed "js/errors.js"),
    (name = "js/hosted_client.js", esModule = embed "js/hosted_client.js"),
    (name = "js/load_wasm.js", esModule = embed "js/load_wasm.js"),
    (name = "js/product_images.js", esModule = embed "js/product_images.js"),
    (name = "js/hosted_pipeline.js", esModule = embed "js/hosted_pipeline.js"),
    (name = "js/transport.js", esModule = embed "js/transport.js"),
    (name = "js/web_index.js", esModule = embed "js/web_index.js"),
    (name = "dist/vitrine_core.mjs", esModule = embed "dist/vitrine_core.mjs"),
    (name = "dist/vitrine_core.wasm", wasm = embed "dist/vitrine_core.wasm"),
  ],
  compatibilityDate = "2024-09-23",
);
