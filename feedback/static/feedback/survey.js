/*
 * Every Voice – survey pages (and the panel's check, for spoken reasons). Progressive
 * enhancement only: every page works without it.
 *  - Audio questions, and answers signed in BSL: record in the browser (MediaRecorder; the
 *    microphone, or the camera for BSL) and put the recording into the ordinary file input,
 *    so it is sent exactly like an uploaded file. A BSL recording stops itself at the limit.
 *  - Confirmation page: a "Copy the reference code" button.
 */
(function () {
  'use strict';
  var MAX_BYTES = 10 * 1024 * 1024;
  var MAX_VIDEO_BYTES = 50 * 1024 * 1024;

  // Sound for audio answers; the camera for answers signed in BSL (data-ev-kind="video").
  var KINDS = {
    audio: {
      input: 'answer', maxBytes: MAX_BYTES, fallbackType: 'audio/webm',
      constraints: { audio: true },
      tooBig: 'The recording is too long (over 10 MB). Please record a shorter answer.',
      recording: 'Recording. Press Stop recording when you have finished.',
      done: 'Recording finished. Listen to it, then press Continue to send it.',
      failed: 'We could not use your microphone. You can choose a sound file instead.',
      ext: function (type) { return type.indexOf('ogg') !== -1 ? '.ogg' : (type.indexOf('mp4') !== -1 ? '.m4a' : '.webm'); }
    },
    video: {
      input: 'video', maxBytes: MAX_VIDEO_BYTES, fallbackType: 'video/webm',
      // Signing needs the hands and face, not sound: the camera only, at a size that keeps
      // a 3-minute answer near 25 MB.
      constraints: { video: { facingMode: 'user', width: { ideal: 640 }, height: { ideal: 480 } }, audio: false },
      options: { videoBitsPerSecond: 1000000 },
      tooBig: 'The video is too big (over 50 MB). Please record a shorter answer.',
      recording: 'Recording. Sign your answer, then press Stop recording.',
      done: 'Recording finished. Watch it, then press Continue to send it.',
      failed: 'We could not use your camera. You can choose a video file instead.',
      ext: function (type) { return type.indexOf('mp4') !== -1 ? '.mp4' : '.webm'; }
    }
  };

  function setupRecorder(box) {
    var kind = KINDS[box.getAttribute('data-ev-kind') || 'audio'];
    // The file input it fills: named by id (the panel's check has one per point), or the
    // question's only answer input.
    var form = box.closest('form');
    var forId = box.getAttribute('data-ev-recorder-for');
    var input = forId ? document.getElementById(forId)
      : form && form.querySelector('input[type="file"][name="' + kind.input + '"]');
    var send = box.getAttribute('data-ev-recorder-send') || 'Continue';
    if (!input || !window.MediaRecorder || !navigator.mediaDevices ||
        !navigator.mediaDevices.getUserMedia || typeof DataTransfer === 'undefined') return;
    var start = box.querySelector('[data-ev-record]');
    var stop = box.querySelector('[data-ev-stop]');
    var status = box.querySelector('[data-ev-record-status]');
    var preview = box.querySelector('[data-ev-preview]');
    var camera = box.querySelector('[data-ev-camera]');
    var maxSeconds = parseInt(box.getAttribute('data-ev-max-seconds') || '0', 10);
    var recorder = null;
    var timer = null;
    var chunks = [];
    box.hidden = false;

    function finish() {
      if (timer) { clearTimeout(timer); timer = null; }
      if (recorder && recorder.state !== 'inactive') recorder.stop();
      stop.hidden = true;
    }

    start.addEventListener('click', function () {
      navigator.mediaDevices.getUserMedia(kind.constraints).then(function (stream) {
        chunks = [];
        recorder = new MediaRecorder(stream, kind.options || {});
        if (camera) {
          camera.srcObject = stream;
          camera.hidden = false;
          camera.play();
        }
        if (preview) preview.hidden = true;
        recorder.addEventListener('dataavailable', function (e) { if (e.data.size) chunks.push(e.data); });
        recorder.addEventListener('stop', function () {
          stream.getTracks().forEach(function (t) { t.stop(); });
          if (camera) { camera.srcObject = null; camera.hidden = true; }
          var type = (recorder.mimeType || kind.fallbackType).split(';')[0];
          var blob = new Blob(chunks, { type: type });
          if (blob.size > kind.maxBytes) {
            status.textContent = kind.tooBig;
            start.hidden = false;
            return;
          }
          var dt = new DataTransfer();
          dt.items.add(new File([blob], 'recording' + kind.ext(type), { type: type }));
          input.files = dt.files;
          preview.src = URL.createObjectURL(blob);
          preview.hidden = false;
          status.textContent = kind.done.replace('Continue', send);
          start.textContent = 'Record again';
          start.hidden = false;
          start.focus();
        });
        recorder.start(1000);
        if (maxSeconds) timer = setTimeout(finish, maxSeconds * 1000);
        start.hidden = true;
        stop.hidden = false;
        stop.focus();
        status.textContent = kind.recording;
      }).catch(function () {
        status.textContent = kind.failed;
      });
    });
    stop.addEventListener('click', finish);
  }

  function setupCopy(button) {
    if (!navigator.clipboard || !navigator.clipboard.writeText) return;
    var status = document.querySelector('[data-ev-copy-status]');
    button.hidden = false;
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(button.getAttribute('data-ev-copy-text')).then(function () {
        if (status) status.textContent = 'Reference code copied.';
      }, function () {
        if (status) status.textContent = 'Could not copy. Please write the code down.';
      });
    });
  }

  document.querySelectorAll('[data-ev-recorder]').forEach(setupRecorder);
  document.querySelectorAll('[data-ev-copy]').forEach(setupCopy);
})();
