// The ALTCHA proof-of-work worker (PBKDF2/SHA-256 via Web Crypto), bundled as a same-origin worker file:
// no blob: URL, no eval, no WebAssembly — it runs under script-src 'self' / worker-src 'self'.
import "altcha/workers/pbkdf2";
