"""Where the gateway's CPU samples and allocated bytes go, by component, from a JFR recording.

Usage: jfr-breakdown.py RECORDING.jfr   (needs the JDK's `jfr` tool on the PATH)

Each sample counts once, under the leaf-most frame that belongs to a component, so time spent in
Netty or Jackson on a component's behalf counts for that component. The gateway's client-limit
handlers sit in every connection's pipeline (everything downstream runs inside their frames), so
only their own frames count for them.
"""
import collections
import re
import subprocess
import sys

OWN = "gateway.http.ClientConnection"
CPU = [
    ("upstream answer parse (EmbeddingsResponse.parse, RemoteBackend.toResult)",
     ("EmbeddingsResponse.parse", "EmbeddingsResponseParser", "Base64ResponseScanner",
      "Base64Floats", "Base64Vectors", "RemoteBackend.toResult")),
    ("client answer encode (EmbeddingsResponse.encode, Buffer copy)",
     ("EmbeddingsResponse.encode", "EmbeddingsResponseEncoder", "EmbeddingsHandler.lambda$encode")),
    ("request parse and upstream body (EmbeddingsRequest)", ("EmbeddingsRequest.",)),
    ("metrics and access log", ("RequestObserver", "HttpMetrics", "micrometer", "AccessLog")),
    ("BodyHandler", ("BodyHandlerImpl",)),
    ("Vert.x Web router", ("io.vertx.ext.web.impl", "io.vertx.ext.web.RoutingContext")),
    ("Vert.x HTTP client (the upstream side before 3 Dec 2026; now the health probe)",
     ("io.vertx.ext.web.client", "HttpClientImpl", "Http1xClientConnection", "HttpClientRequest",
      "HttpClientResponse", "SharedHttpClientConnectionGroup", "io.vertx.core.internal.pool",
      "CleanableHttpClient")),
    ("upstream connections (backends.remote: Upstream*, CallDeadlines, RemoteBackend.Call)",
     ("backends.remote.Upstream", "backends.remote.CappedBody", "backends.remote.CallDeadlines",
      "RemoteBackend$Call", "backends.remote.InFlightLimit")),
    ("gateway routing and remote backend (other)",
     ("dev.embedbench.gateway.routing", "dev.embedbench.backends.remote")),
    ("HTTP server (Vert.x core)", ("Http1xServer", "HttpServerImpl", "HttpServerResponse")),
    ("gateway HTTP handlers (other)", ("dev.embedbench.gateway.http",)),
]
OTHER = "Netty and Vert.x core (I/O, futures, buffers, codecs), JDK"
UNITS = {"bytes": 1, "kB": 1e3, "MB": 1e6, "GB": 1e9}


def events(recording, name, depth):
    text = subprocess.run(["jfr", "print", "--stack-depth", str(depth), "--events", name, recording],
                          capture_output=True, text=True, check=True).stdout
    for event in text.split(name)[1:]:
        stack = re.search(r"stackTrace = \[(.*?)\n\s*\]", event, re.S)
        if not stack:
            continue
        frames = [f.strip() for f in stack.group(1).strip().split("\n")
                  if f.strip() and not f.strip().startswith("...")]
        weight = re.search(r"weight = ([\d.]+) (\w+)", event)
        yield frames, float(weight.group(1)) * UNITS.get(weight.group(2), 1) if weight else 1.0


def component(frames):
    if OWN in frames[0]:
        return "client limits (ClientConnection's own frames)"
    for frame in frames:
        if OWN in frame:
            continue
        for name, keys in CPU:
            if any(k in frame for k in keys):
                return name
    return OTHER


def table(title, counts):
    total = sum(counts.values())
    print(f"| {title} | share |\n|---|---|")
    for name, value in counts.most_common():
        print(f"| {name} | {value * 100 / total:.1f}% |")
    print()


recording = sys.argv[1]
cpu = collections.Counter()
for frames, _ in events(recording, "jdk.ExecutionSample", 64):
    cpu[component(frames)] += 1
print(f"{sum(cpu.values())} execution samples (Java frames only)\n")
table("component (CPU samples)", cpu)
alloc = collections.Counter()
for frames, weight in events(recording, "jdk.ObjectAllocationSample", 64):
    alloc[component(frames)] += weight
print(f"{sum(alloc.values()) / 1e9:.1f} GB of sampled allocation weight\n")
table("component (allocated bytes)", alloc)
