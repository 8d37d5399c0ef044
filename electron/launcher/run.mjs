// The entry of `npm start`, `npm run dev` and `npm run package`. Plain JavaScript on purpose: it must run on any
// Node, including ones too old for the TypeScript launcher it hands over to, so that an old Node gets a sentence
// saying what to install instead of Node's ERR_UNKNOWN_FILE_EXTENSION stack trace.
const needed = [22, 18];
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < needed[0] || (major === needed[0] && minor < needed[1])) {
  console.error(
    `Marginalia needs Node.js ${needed.join('.')} or newer; this is Node ${process.versions.node}.\n` +
      'Install a newer Node (the README\'s "Before you start" shows one way), then run this command again.',
  );
  process.exit(1);
}
await import('./with-electron.ts');
