/** A nonce for a webview's Content-Security-Policy: 18 random bytes in base64, from the Web Crypto API (Node and browsers alike). */
export function newNonce(): string {
    const bytes = globalThis.crypto.getRandomValues(new Uint8Array(18));
    return btoa(String.fromCharCode(...bytes));
}
