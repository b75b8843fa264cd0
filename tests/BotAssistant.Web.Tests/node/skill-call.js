// Plays a Bot Framework root bot calling BotAssistant as a skill, using the official botbuilder client.
// Usage: node skill-call.js <botMessagesUrl>
// Prints one JSON line: { normal: {status, received: [...]}, expectReplies: {status, activities: [...]} }.
'use strict';
const http = require('http');
const { BotFrameworkHttpClient } = require('botbuilder');
const { SimpleCredentialProvider } = require('botframework-connector');

const botUrl = process.argv[2];
if (!botUrl) {
  console.error('usage: node skill-call.js <botMessagesUrl>');
  process.exit(2);
}

// The serviceUrl the skill replies to: records each POSTed activity with the path it arrived on.
function startServiceUrl() {
  const received = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => { body += chunk; });
    req.on('end', () => {
      received.push({ method: req.method, path: req.url, activity: JSON.parse(body || '{}') });
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ id: `reply-${received.length}` }));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, received })));
}

function message(text, deliveryMode) {
  return {
    type: 'message',
    id: `root-${Date.now()}-${Math.random().toString(16).slice(2, 8)}`,
    channelId: 'emulator',
    serviceUrl: 'http://root-channel.invalid',
    conversation: { id: 'root-conversation' },
    from: { id: 'root-user', name: '根机器人的用户' },
    recipient: { id: 'root-bot' },
    locale: 'zh-CN',
    text,
    deliveryMode,
  };
}

async function main() {
  const { server, received } = await startServiceUrl();
  const serviceUrl = `http://127.0.0.1:${server.address().port}`;
  const client = new BotFrameworkHttpClient(new SimpleCredentialProvider('', ''));
  try {
    const normal = await client.postActivity('', '', botUrl, serviceUrl, 'conv-node-1', message('你好，世界'));
    const expect = await client.postActivity('', '', botUrl, serviceUrl, 'conv-node-2', message('abc', 'expectReplies'));
    process.stdout.write(JSON.stringify({
      normal: { status: normal.status, received },
      expectReplies: { status: expect.status, activities: (expect.body && expect.body.activities) || [] },
    }) + '\n');
  } finally {
    server.close();
  }
}

main().catch((err) => {
  console.error(err && err.stack ? err.stack : String(err));
  process.exit(1);
});
