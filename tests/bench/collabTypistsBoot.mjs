// Worker threads do not inherit the TypeScript loader of the main thread: register tsx here, then
// load the typists' worker itself.
import { register } from 'tsx/esm/api';

register();
await import('./collabTypists.ts');
