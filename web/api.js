// Talks to `dossier serve`: every request carries the access token the page was opened with.

const TOKEN_KEY = 'dossier-token';

/** Takes the token from the address (`#token=...`), keeps it for this address (other tabs of the same server find it) and removes it from the
 *  address bar, so that it is neither bookmarked nor shown. */
export function takeToken() {
  const match = /(?:^#|&)token=([0-9a-f]+)/.exec(location.hash);
  if (match) {
    localStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(history.state, '', location.pathname + location.search);
  }
}

/** An API failure: `status`, `code` and a message for people. */
export class ApiError extends Error {
  constructor(status, code, message, column) {
    super(message);
    this.status = status;
    this.code = code;
    this.column = column;
  }
}

function headers() {
  const token = localStorage.getItem(TOKEN_KEY);
  return token ? { Authorization: `Bearer ${token}` } : {};
}

async function failure(response) {
  let body = null;
  try {
    body = await response.json();
  } catch (_) {
    // not JSON: the status says enough
  }
  const error = body && body.error;
  if (response.status === 401) {
    return new ApiError(401, 'unauthorized',
      'This page needs its access token: open the address that "dossier serve" printed (it ends in #token=...).');
  }
  return new ApiError(response.status, error ? error.code : 'http', error ? error.message : `HTTP ${response.status}`,
    error ? error.column : null);
}

/** GET `path` (with `params`, a URLSearchParams) and parse its JSON. `signal` aborts it. */
export async function getJson(path, params, signal) {
  const query = params && params.toString();
  const response = await fetch(query ? `${path}?${query}` : path, { headers: headers(), signal });
  if (!response.ok) throw await failure(response);
  return response.json();
}

/** Downloads `path` with `params` as a file named `name` (a link cannot send the token). */
export async function download(path, params, name) {
  const response = await fetch(`${path}?${params.toString()}`, { headers: headers() });
  if (!response.ok) throw await failure(response);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
