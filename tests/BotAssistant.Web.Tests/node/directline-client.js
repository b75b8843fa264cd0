// Drives our /v3/directline with the official botframework-directlinejs client, unchanged but for `domain`.
// Usage: node directline-client.js <domain> <secret> <polling|websocket>
// Prints {"conversationId", "activities": [...]} once the bot has answered the suggested action.
'use strict';
global.XMLHttpRequest = require('xhr2');
global.WebSocket = require('ws');
const { DirectLine, ConnectionStatus } = require('botframework-directlinejs');

const [domain, secret, mode] = process.argv.slice(2);

async function generateToken() {
  const response = await fetch(`${domain}/tokens/generate`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ user: { id: 'dl_node_user' } })
  });
  if (!response.ok) throw new Error(`tokens/generate answered ${response.status}`);
  return response.json();
}

function post(directLine, text) {
  return new Promise((resolve, reject) =>
    directLine
      .postActivity({ type: 'message', from: { id: 'dl_node_user', name: '测试用户' }, text, locale: 'zh-CN' })
      .subscribe(resolve, reject)
  );
}

async function main() {
  const generated = await generateToken();
  const directLine = new DirectLine({
    token: generated.token,
    domain,
    webSocket: mode === 'websocket',
    pollingInterval: 200,
    timeout: 5000
  });
  const activities = [];
  const statuses = [];
  directLine.connectionStatus$.subscribe(status => statuses.push(ConnectionStatus[status]));

  const answered = new Promise((resolve, reject) => {
    directLine.activity$.subscribe(activity => {
      activities.push(activity);
      if (activity.from.role === 'bot' && activity.suggestedActions) {
        const action = activity.suggestedActions.actions[0];
        post(directLine, action.value).catch(reject);
      }
      if (activity.from.role === 'bot' && /1500元/.test(activity.text || '')) resolve();
    }, reject);
  });

  const firstId = await post(directLine, '毕业生有什么补贴？');
  await answered;
  directLine.end();
  process.stdout.write(JSON.stringify({ conversationId: generated.conversationId, firstId, statuses, activities }));
  process.exit(0);
}

main().catch(error => {
  process.stderr.write(String(error && error.stack || error));
  process.exit(1);
});
setTimeout(() => {
  process.stderr.write('timed out waiting for the bot');
  process.exit(2);
}, 30000).unref();
