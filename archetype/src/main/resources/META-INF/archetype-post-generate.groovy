// After generation: keep the files of the chosen connectorType (source or sink) and delete the other's.
// Every template class and test of a type starts with <connectorName>Source or <connectorName>Sink.
def type = request.properties.get('connectorType')
def name = request.properties.get('connectorName')
def packagePath = request.properties.get('package').replace('.', File.separator)
def project = new File(request.outputDirectory, request.artifactId)
def other = type == 'sink' ? 'Source' : 'Sink'
['src/main/java', 'src/test/java'].each { root ->
    new File(project, root + File.separator + packagePath).listFiles().each { f ->
        if (f.name.startsWith(name + other)) {
            f.delete()
        }
    }
}
def services = new File(project, 'src/main/resources/META-INF/services')
new File(services, type == 'sink' ? 'io.connectsdk.api.source.SourceConnector' : 'io.connectsdk.api.sink.SinkConnector').delete()
