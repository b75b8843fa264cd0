// Connects the official Web Chat to this host's Direct Line: the page asks the host for a short-lived token,
// so the Direct Line secret never reaches the browser.
(function () {
  'use strict';

  function show(message) {
    var status = document.getElementById('status');
    status.textContent = message;
    status.hidden = false;
  }

  if (window.webChatMissing || !window.WebChat) {
    show('Web Chat 组件缺失：构建时未能通过 npm 获取 botframework-webchat（需要安装 Node.js 和 npm 后重新构建）。');
    return;
  }

  var styleOptions = {
    accent: '#c8102e',
    botAvatarInitials: '助',
    userAvatarInitials: '我',
    bubbleMaxWidth: 600,
    bubbleMinWidth: 120,
    hideUploadButton: true,
    suggestedActionLayout: 'flow',
    suggestedActionBorderRadius: 16,
    primaryFont: '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif'
  };

  fetch('api/directline/token', { method: 'POST' })
    .then(function (response) {
      if (!response.ok) throw new Error('token ' + response.status);
      return response.json();
    })
    .then(function (session) {
      var directLine = window.WebChat.createDirectLine({
        token: session.token,
        domain: new URL('v3/directline', window.location.href).href.replace(/\/$/, '')
      });
      window.WebChat.renderWebChat(
        { directLine: directLine, userID: session.userId, locale: 'zh-CN', styleOptions: styleOptions },
        document.getElementById('webchat')
      );
    })
    .catch(function (error) {
      show('暂时无法连接助手，请稍后刷新页面重试。（' + error.message + '）');
    });
})();
