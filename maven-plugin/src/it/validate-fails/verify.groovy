// The build must have failed in connect-sdk:validate, naming the missing class; the SPI was not packaged.
// (Checks throw with a message of their own: a Groovy assert would print the whole log.)
def check(Object ok, String what) { // Groovy truth: a Matcher is true when it finds
    if (!ok) {
        throw new AssertionError(what)
    }
}
def log = new File(basedir, 'build.log').getText('UTF-8')
check(log =~ /io\.connectsdk:connect-sdk-api:jar:\S+ is in compile scope: not packaged/,
        'no warning that the SPI in compile scope was left out')
check(log.contains('ERROR SERVICE_CLASS_MISSING') && log.contains('it.broken.MissingSourceConnector'),
        'no SERVICE_CLASS_MISSING finding naming it.broken.MissingSourceConnector')
check(log =~ /connect-sdk:validate: broken-plugin-1\.0-plugin\.zip has 1 error\(s\)/, 'no build failure from connect-sdk:validate')
def lib = new File(basedir, 'target/plugin/broken-plugin/lib').list().toList()
check(lib == ['broken-plugin-1.0.jar'], "exploded plugin holds $lib, expected only broken-plugin-1.0.jar")
return true
