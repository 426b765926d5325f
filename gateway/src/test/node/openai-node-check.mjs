// Manual check with the official openai-node SDK (which asks for base64 by default since 4.91):
// embeds through a running gateway with the SDK's defaults, then asks the same gateway for floats,
// and compares the two bit for bit. Not run by Maven (it needs npm); run it by hand:
//
//   mkdir -p /tmp/openai-node && (cd /tmp/openai-node && npm init -y && npm install openai@4)
//   ./embedbench serve --config my.yaml --port 18102 &      # a route named MODEL
//   cp gateway/src/test/node/openai-node-check.mjs /tmp/openai-node/
//   node /tmp/openai-node/openai-node-check.mjs 18102 MODEL
//
// Prints one JSON line; mismatchesVsFloat must be 0.
import OpenAI from 'openai';
const port = process.argv[2];
const model = process.argv[3] ?? 'bench-1024';
const client = new OpenAI({ baseURL: `http://127.0.0.1:${port}/v1`, apiKey: 'sk-node-check', maxRetries: 0 });
const inputs = ['first text', 'second text', 'third'];
const r = await client.embeddings.create({ model, input: inputs });
const viaFloat = await (await fetch(`http://127.0.0.1:${port}/v1/embeddings`, {
  method: 'POST', headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ model, input: inputs, encoding_format: 'float' }) })).json();
let mismatches = 0;
for (let i = 0; i < inputs.length; i++) {
  const a = Float32Array.from(r.data[i].embedding), b = Float32Array.from(viaFloat.data[i].embedding);
  if (a.length !== b.length) mismatches++;
  const ua = new Uint32Array(a.buffer), ub = new Uint32Array(b.buffer);
  for (let d = 0; d < ua.length; d++) if (ua[d] !== ub[d]) mismatches++;
}
console.log(JSON.stringify({ sdk: 'openai-node', n: r.data.length, dims: r.data[0].embedding.length,
  usage: r.usage, mismatchesVsFloat: mismatches }));
