// chevrotain (via Langium) needs Object.groupBy, which Node 20 lacks; see scripts/polyfills.cjs.
import '../../scripts/polyfills.cjs';
