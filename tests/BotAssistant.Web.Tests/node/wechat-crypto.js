// Cross-checks our WeChat crypto against the npm package wechat-crypto (node-webot).
// Reads one JSON request on stdin: {"op": "encrypt"|"decrypt"|"sign", token, key, appId, text, timestamp, nonce}.
'use strict';
const WXBizMsgCrypt = require('wechat-crypto');

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', chunk => { input += chunk; });
process.stdin.on('end', () => {
  const request = JSON.parse(input);
  const crypt = new WXBizMsgCrypt(request.token, request.key, request.appId);
  let result;
  if (request.op === 'encrypt') {
    const encrypted = crypt.encrypt(request.text);
    result = { encrypted, signature: crypt.getSignature(request.timestamp, request.nonce, encrypted) };
  } else if (request.op === 'decrypt') {
    result = crypt.decrypt(request.text);
  } else {
    result = { signature: crypt.getSignature(request.timestamp, request.nonce, request.text) };
  }
  process.stdout.write(JSON.stringify(result));
});
