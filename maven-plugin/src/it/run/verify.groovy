// connect-sdk:run started the broker, the worker with this folder's files and the packaged plugin, ran the
// connector, and on stopping committed its offsets. (Checks throw messages of their own: a Groovy assert
// would print the whole log.)
def check(Object ok, String what) {
    if (!ok) {
        throw new AssertionError(what)
    }
}
def log = new File(basedir, 'build.log').getText('UTF-8')
check(log =~ /connect-sdk:run: embedded Kafka broker at 127\.0\.0\.1:\d+/, 'no embedded broker')
check(log =~ /connect-sdk:run: plugin\.path=\S+target\/plugin \(instead of somewhere\/else\)/, 'plugin.path not set to target/plugin')
check(log =~ /connect-sdk:run: worker 127\.0\.0\.1:(\d+), REST API \[http:\/\/127\.0\.0\.1:\1\/\]/,
        'no REST API on a free port, or a worker id that does not name it')
check(log.contains('connect-sdk:run: connector ticks RUNNING, task 0 RUNNING'), 'the connector and its task did not run')
check(!log.contains('[INFO] [RaftManager'), 'the broker logs at INFO')
check(log.contains('connect-sdk:run: stopped'), 'the run did not stop')
def offsets = new File(basedir, 'target/connect-sdk-run/offsets.json')
check(offsets.isFile(), "no offsets file $offsets")
def text = offsets.getText('UTF-8')
check(text.contains('ticks') && text =~ /"next"\s*:\s*[1-9]/, "the offsets file holds no committed tick offset: $text")
return true
