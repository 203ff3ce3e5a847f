// Runs after `mvn verify` of the generated project passed (archetype:integration-test's post-build hook):
// checks what the build cannot, that the templates were fully rendered and the plugin is packaged as documented.
// basedir is this IT's directory; the project is generated below it, in project/<artifactId>.
def itDir = basedir instanceof File ? basedir : new File(basedir.toString())
def root = new File(itDir, 'project/weather-connector')
assert new File(root, 'pom.xml').isFile() : "no generated project in $root"
assert new File(root, '.gitignore').isFile() : 'the template .gitignore was not generated'
['README.md', 'worker.properties', 'connector.properties', 'src/assembly/plugin.xml',
 'src/main/java/com/example/connect/weather/WeatherSourceConnector.java',
 'src/main/resources/META-INF/services/io.connectsdk.api.source.SourceConnector'].each {
    assert new File(root, it).isFile() : "missing $it"
}
root.eachFileRecurse { f ->
    if (!f.isFile() || f.path.contains("${File.separator}target${File.separator}") || f.name == 'build.log') {
        return
    }
    def text = f.getText('UTF-8')
    ['${connectorName}', '${package}', '${groupId}', '${artifactId}', '__connectorName__'].each { token ->
        assert !text.contains(token) : "$f still holds the template variable $token"
    }
    assert !(text =~ /@[a-z]+(\.[a-z]+)*@/) : "$f still holds an unfiltered @...@ token"
}
assert new File(root, 'src/main/resources/META-INF/services/io.connectsdk.api.source.SourceConnector').text.trim() ==
        'com.example.connect.weather.WeatherSourceConnector'

def zip = new File(root, 'target/weather-connector-1.0.0-SNAPSHOT-plugin.zip')
assert zip.isFile() : "no plugin archive $zip"
def entries = new java.util.zip.ZipFile(zip).withCloseable { z -> z.entries().collect { it.name } }
assert entries.contains('weather-connector/lib/weather-connector-1.0.0-SNAPSHOT.jar') : "plugin jar not in $entries"
assert !entries.any { it.contains('connect-sdk-api') } : "the SPI is bundled: $entries"
assert new File(root, 'target/plugin/weather-connector/lib/weather-connector-1.0.0-SNAPSHOT.jar').isFile()
return true
