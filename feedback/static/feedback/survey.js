/*
 * Every Voice – survey pages. Progressive enhancement only: every page works without it.
 *  - Audio questions: record in the browser (MediaRecorder) and put the recording into the
 *    ordinary file input, so it is sent exactly like an uploaded file.
 *  - Confirmation page: a "Copy the reference code" button.
 */
(function () {
  'use strict';
  var MAX_BYTES = 10 * 1024 * 1024;

  function setupRecorder(box) {
    var form = box.closest('form');
    var input = form && form.querySelector('input[type="file"][name="answer"]');
    if (!input || !window.MediaRecorder || !navigator.mediaDevices ||
        !navigator.mediaDevices.getUserMedia || typeof DataTransfer === 'undefined') return;
    var start = box.querySelector('[data-ev-record]');
    var stop = box.querySelector('[data-ev-stop]');
    var status = box.querySelector('[data-ev-record-status]');
    var preview = box.querySelector('[data-ev-preview]');
    var recorder = null;
    var chunks = [];
    box.hidden = false;

    start.addEventListener('click', function () {
      navigator.mediaDevices.getUserMedia({ audio: true }).then(function (stream) {
        chunks = [];
        recorder = new MediaRecorder(stream);
        recorder.addEventListener('dataavailable', function (e) { if (e.data.size) chunks.push(e.data); });
        recorder.addEventListener('stop', function () {
          stream.getTracks().forEach(function (t) { t.stop(); });
          var type = (recorder.mimeType || 'audio/webm').split(';')[0];
          var blob = new Blob(chunks, { type: type });
          if (blob.size > MAX_BYTES) {
            status.textContent = 'The recording is too long (over 10 MB). Please record a shorter answer.';
            return;
          }
          var ext = type.indexOf('ogg') !== -1 ? '.ogg' : (type.indexOf('mp4') !== -1 ? '.m4a' : '.webm');
          var dt = new DataTransfer();
          dt.items.add(new File([blob], 'recording' + ext, { type: type }));
          input.files = dt.files;
          preview.src = URL.createObjectURL(blob);
          preview.hidden = false;
          status.textContent = 'Recording finished. Listen to it, then press Continue to send it.';
          start.textContent = 'Record again';
          start.hidden = false;
          start.focus();
        });
        recorder.start();
        start.hidden = true;
        stop.hidden = false;
        stop.focus();
        status.textContent = 'Recording. Press Stop recording when you have finished.';
      }).catch(function () {
        status.textContent = 'We could not use your microphone. You can choose a sound file instead.';
      });
    });
    stop.addEventListener('click', function () {
      if (recorder && recorder.state !== 'inactive') recorder.stop();
      stop.hidden = true;
    });
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
