// The checks both ITs share, run after `mvn verify` of the generated project passed; what the build cannot
// check itself: the templates fully rendered, only the chosen type's files, the plugin packaged as documented.
// Set by the calling verify.groovy (same binding): root (the generated project), artifact, version,
// packagePath, name (connectorName), type ('Source' or 'Sink').
def other = type == 'Source' ? 'Sink' : 'Source'
assert new File(root, '.gitignore').isFile() : 'the template .gitignore was not generated'
['README.md', 'worker.properties', 'connector.properties'].each {
    assert new File(root, it).isFile() : "missing $it"
}
['Connector', 'Task', 'Config'].each {
    assert new File(root, "src/main/java/$packagePath/$name$type${it}.java").isFile() : "missing $name$type$it"
    assert !new File(root, "src/main/java/$packagePath/$name$other${it}.java").exists() : "$name$other$it was not removed"
}
['TaskTest', 'PipelineTest', 'ConnectorConformanceTest', 'ConnectorConformanceIT'].each {
    assert new File(root, "src/test/java/$packagePath/$name$type${it}.java").isFile() : "missing $name$type$it"
    assert !new File(root, "src/test/java/$packagePath/$name$other${it}.java").exists() : "$name$other$it was not removed"
}
def services = new File(root, 'src/main/resources/META-INF/services').listFiles()*.name
assert services == ["io.connectsdk.api.${type.toLowerCase()}.${type}Connector".toString()] : "service files: $services"

root.eachFileRecurse { f ->
    if (!f.isFile() || f.path.contains("${File.separator}target${File.separator}") || f.name == 'build.log') {
        return
    }
    def text = f.getText('UTF-8')
    ['${connectorName}', '${connectorType}', '${package}', '${groupId}', '${artifactId}', '${H}', '$Type',
     '__connectorName__', '#if', '#set', '#end'].each { token ->
        assert !text.contains(token) : "$f still holds the template text $token"
    }
    assert !(text =~ /@[a-z]+(\.[a-z]+)*@/) : "$f still holds an unfiltered @...@ token"
}
def readme = new File(root, 'README.md').text
assert readme.startsWith("# $artifact\n") : 'README title'
assert readme.contains('\n## Build and test\n') && readme.contains('\n## Check and run it\n') : 'README headings'
assert readme.contains("$name${type}ConnectorConformanceTest") : 'README names the conformance test'
def connector = new Properties()
new File(root, 'connector.properties').withReader { connector.load(it) }
assert connector.getProperty('connector.class') == "${packagePath.replace(File.separator, '.')}.$name${type}Connector".toString()

def zip = new File(root, "target/$artifact-$version-plugin.zip")
assert zip.isFile() : "no plugin archive $zip"
def entries = new java.util.zip.ZipFile(zip).withCloseable { z -> z.entries().collect { it.name } }
assert entries.contains("$artifact/lib/$artifact-${version}.jar".toString()) : "plugin jar not in $entries"
assert !entries.any { it.contains('connect-sdk-api') } : "the SPI is bundled: $entries"
assert new File(root, "target/plugin/$artifact/lib/$artifact-${version}.jar").isFile()
// connect-sdk:validate ran in verify and passed
def report = new File(root, 'target/connect-sdk-validate.json')
assert report.isFile() : 'connect-sdk:validate wrote no report'
assert report.getText('UTF-8').contains("$name${type}Connector") : 'the validate report does not list the connector'
def log = new File(root, 'build.log').getText('UTF-8')
if (!log.contains('PASSED: 1 location, 1 plugin, 0 errors')) {
    throw new AssertionError('connect-sdk:validate did not pass (see build.log)') // not assert: it would print the log
}
return true
