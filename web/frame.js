// The calculator's side of the widget (embed.js on the host page). Only in
// embed mode (?embed=1) inside a frame: applies the host's theme from the URL
// (whitelisted tokens, checked values) and tells the host page the height of
// the content, so that the iframe needs no scrollbar. The height goes only to
// the origin the host declared (embed-origin=…): the browser itself refuses
// to deliver it to any other parent. Nothing the user types ever leaves.

const TYPE = 'wlz-bijdrage:resize';
const params = new URLSearchParams(location.search);
const embedded = params.has('embed') && params.get('embed') !== '0' && window.parent !== window;

// --wlz-<token> ← theme-<token>=<value>, checked per kind. Anything else is
// ignored: no url(), no ;, no braces, no expression(), no var().
const COLOR = /^(?:#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})|(?:rgba?|hsla?)\([0-9.,%/ +-]{1,60}\)|[a-z]{3,20})$/i;
const LENGTH = /^(?:0|\d{1,4}(?:\.\d{1,4})?(?:px|rem|em|%))$/;
const NUMBER = /^\d{1,2}(?:\.\d{1,4})?$/;
const NAME = String.raw`(?:[a-z0-9][a-z0-9 _-]{0,49}|"[a-z0-9 _-]{1,50}"|'[a-z0-9 _-]{1,50}')`;
const FONTS = new RegExp(String.raw`^${NAME}(?:\s*,\s*${NAME}){0,9}$`, 'i');
const KEYWORDS = /^(?:inherit|initial|unset|revert|revert-layer|default|expression)$/i;

const KINDS = {
  color: (v) => COLOR.test(v) && !KEYWORDS.test(v) && CSS.supports('color', v),
  length: (v) => LENGTH.test(v) && CSS.supports('width', v),
  'line-height': (v) => (NUMBER.test(v) || LENGTH.test(v)) && CSS.supports('line-height', v),
  font: (v) => FONTS.test(v.trim()) && !KEYWORDS.test(v.trim()) && CSS.supports('font-family', v),
};

const TOKENS = {
  'color-primary': 'color',
  'color-primary-contrast': 'color',
  'color-text': 'color',
  'color-text-muted': 'color',
  'color-background': 'color',
  'color-surface': 'color',
  'color-border': 'color',
  'color-error': 'color',
  'color-focus': 'color',
  'font-family': 'font',
  'font-size': 'length',
  'line-height': 'line-height',
  'border-radius': 'length',
  space: 'length',
  'max-width': 'length',
};

function applyTheme() {
  const root = document.documentElement;
  for (const [key, value] of params) {
    if (!key.startsWith('theme-')) continue;
    const token = key.slice('theme-'.length);
    const kind = Object.hasOwn(TOKENS, token) ? TOKENS[token] : null;
    if (kind && value.length <= 200 && KINDS[kind](value)) {
      root.style.setProperty(`--wlz-${token}`, value.trim());
    } else {
      console.warn(`wlz-bijdrage: theme ${kind ? 'value' : 'token'} for ${JSON.stringify(token.slice(0, 40))} ignored`);
    }
  }
}

/** The origin the host declared, if it is a plain http(s) origin. */
function hostOrigin() {
  const value = params.get('embed-origin');
  try {
    const url = new URL(value);
    return /^https?:$/.test(url.protocol) && url.origin === value ? value : null;
  } catch {
    return null;
  }
}

// The app has started (or has shown why it could not): until then #app
// holds the loading text and the <noscript>, whose height is no use.
const started = () => !document.getElementById('app')
  || document.querySelector('#app > .app, #app > .loading:only-child');

function postHeights(origin) {
  let last = 0;
  const post = () => {
    if (!started()) return;
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    // Also when the frame's height differs from it (the host, or anyone
    // else, resized the iframe): the host page gets the true height back.
    if (height > 0 && (height !== last || height !== window.innerHeight)) {
      last = height;
      window.parent.postMessage({ type: TYPE, height }, origin);
    }
  };
  // Layout changes (ResizeObserver), DOM changes (MutationObserver: it also
  // runs while the browser skips rendering an iframe out of view), and the
  // frame's own size (the host page's width, or anyone resizing the iframe).
  const resized = new ResizeObserver(post);
  resized.observe(document.documentElement);
  if (document.body) resized.observe(document.body);
  new MutationObserver(post).observe(document.documentElement, {
    subtree: true, childList: true, attributes: true, characterData: true,
  });
  window.addEventListener('resize', post);
  window.addEventListener('load', post);
  post();
}

if (embedded) {
  applyTheme();
  const origin = hostOrigin();
  if (origin) postHeights(origin);
}
