// After `mvn verify` of the IT project passed: what connect-sdk:package wrote, and connect-sdk:validate's report.
def target = new File(basedir, 'target')
def zip = new File(target, 'greeting-plugin-1.0-plugin.zip')
assert zip.isFile() : "no archive $zip"
def entries = new java.util.zip.ZipFile(zip).withCloseable { z -> z.entries().collect { [it.name, it.lastModifiedTime.toInstant().toString()] } }
def names = entries*.getAt(0)
assert names.size() == 4 && names[0..2] == ['greeting-plugin/', 'greeting-plugin/lib/', 'greeting-plugin/lib/greeting-plugin-1.0.jar']
assert names[3] ==~ /greeting-plugin\/lib\/picocli-[0-9.]+\.jar/ : "zip entries: $names"
assert entries.every { it[1] == '2024-01-01T00:00:00Z' } : "entry times follow project.build.outputTimestamp: $entries"
def lib = new File(target, 'plugin/greeting-plugin/lib')
assert lib.list().toList().sort() == names.drop(2).collect { it.substring('greeting-plugin/lib/'.length()) } : "exploded: ${lib.list()}"

def log = new File(basedir, 'build.log').getText('UTF-8')
if (!log.contains('connect-sdk plugin greeting-plugin: 2 jar(s)') || !log.contains('PASSED: 1 location, 1 plugin, 0 errors')) {
    throw new AssertionError('build.log lacks the package summary or the PASSED report') // not assert: it would print the log
}
def report = new File(target, 'connect-sdk-validate.json').getText('UTF-8')
assert report.contains('"passed"') && report.contains('it.greeting.GreetingSourceConnector') : report
return true
