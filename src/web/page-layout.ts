import { escapeHtml } from "../digest/escape-html";
import type { InputError } from "../errors";

/**
 * Chinese and English side by side, as every page and mail shows them. Both arguments are HTML
 * the caller built (escaped where it holds outside values).
 */
export function bi(zhHtml: string, enHtml: string, separator = "<br>"): string {
  return `${zhHtml}${separator}<span lang="en">${enHtml}</span>`;
}

/** Why input was refused, as the check said it, in Chinese (when it wrote one) and English. */
export function refusalHtml(error: InputError, separator = "<br>"): string {
  return bi(escapeHtml(error.zh ?? error.message), escapeHtml(error.message), separator);
}

const STYLE = `
*{box-sizing:border-box}
body{font-family:-apple-system,"Segoe UI",Roboto,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;line-height:1.6;color:#1f2328;background:#fff}
h1{font-size:1.5rem;line-height:1.3}
h2{font-size:1.15rem;margin-top:2rem;border-top:1px solid #d0d7de;padding-top:1rem}
a{color:#0969da}
label{display:block;font-weight:600;margin:.8rem 0 .2rem}
input[type=email],input[type=text],textarea,select{width:100%;font:inherit;padding:.5rem;border:1px solid #8c959f;border-radius:.3rem;background:#fff;color:inherit}
textarea{min-height:8rem;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
button{font:inherit;padding:.5rem 1.1rem;border-radius:.4rem;border:1px solid #8c959f;background:#f6f8fa;color:inherit;cursor:pointer;margin:.3rem .3rem .3rem 0}
button.primary{background:#1f6feb;border-color:#1f6feb;color:#fff}
button.small{padding:.2rem .6rem;font-size:.9rem}
:focus-visible{outline:3px solid #fb8500;outline-offset:2px}
fieldset{border:1px solid #d0d7de;border-radius:.4rem;margin:1rem 0;padding:.5rem 1rem}
.hint,.muted{color:#59636e;font-size:.92rem}
.error{color:#b42318;font-weight:600}
[aria-invalid=true]{border-color:#b42318;border-width:2px}
.notice{background:#dafbe1;border-left:4px solid #1a7f37;padding:.6rem 1rem}
.alert{background:#ffebe9;border-left:4px solid #b42318;padding:.6rem 1rem}
.keyword-row{display:flex;flex-wrap:wrap;gap:.3rem;align-items:center;margin:.5rem 0}
.keyword-row input{flex:1 1 16rem;width:auto}
code,kbd{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#f6f8fa;padding:0 .2rem;border-radius:.2rem}
mark{background:#ffd33d;color:#000}
table{border-collapse:collapse;width:100%;font-size:.92rem}
td,th{border-bottom:1px solid #d0d7de;padding:.3rem;text-align:left;vertical-align:top}
@media (prefers-color-scheme:dark){body{background:#0d1117;color:#e6edf3}a{color:#58a6ff}input[type=email],input[type=text],textarea,select{background:#161b22;border-color:#6e7681}button{background:#21262d;border-color:#6e7681}code,kbd{background:#161b22}.notice{background:#12261e}.alert{background:#2d1214}.hint,.muted{color:#9198a1}}
`;

/** A small bilingual page: no scripts, no external assets, every value escaped by the caller. */
export function pageLayout(title: string, bodyHtml: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${bodyHtml}
</main>
</body>
</html>
`;
}

/**
 * Headers on every page: no framing, no outside resources, and no referrer to other sites (our
 * URLs carry tokens). "same-origin" rather than "no-referrer" so that our own forms still send
 * their Origin, which the cross-site check reads.
 */
export const SECURITY_HEADERS: Record<string, string> = {
  "Content-Security-Policy":
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  "X-Frame-Options": "DENY",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "same-origin",
  "Cache-Control": "no-store",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
};
