import Keycloak from '../vendor/keycloak-js-26.2.4/keycloak.js';

/** Roles that may use the console at all; anyone else sees the "no access" page. */
export const CONSOLE_ROLES = ['reviewer', 'senior-reviewer', 'legal', 'admin'];
const ROUTE_KEY = 'warden.console.route';
let kc;

/** Signs in with the authorization-code flow and PKCE (S256); comes back to the route asked for. */
export async function signIn(config) {
  if (location.hash.startsWith('#/')) sessionStorage.setItem(ROUTE_KEY, location.hash);
  kc = new Keycloak({ url: config.keycloakUrl, realm: config.realm, clientId: config.clientId });
  // silent refresh: a token about to expire is renewed with the refresh token, no page load
  kc.onTokenExpired = () => kc.updateToken(30).catch(() => kc.login());
  await kc.init({
    onLoad: 'login-required',
    pkceMethod: 'S256',
    checkLoginIframe: false,
    redirectUri: location.origin + location.pathname,
  });
  const route = sessionStorage.getItem(ROUTE_KEY);
  sessionStorage.removeItem(ROUTE_KEY);
  if (route) history.replaceState(null, '', route);
}

/** A valid access token, refreshed first when it has less than 30 s left. */
export async function token() {
  try {
    await kc.updateToken(30);
  } catch {
    await kc.login();
  }
  return kc.token;
}

export function user() {
  return kc.tokenParsed?.preferred_username || '?';
}

export function roles() {
  return kc.tokenParsed?.realm_access?.roles || [];
}

export function hasRole(...wanted) {
  const mine = roles();
  return wanted.some((r) => mine.includes(r));
}

export function signOut() {
  return kc.logout({ redirectUri: location.origin + location.pathname });
}
