// Post-build hook of this IT (archetype:integration-test): basedir is the IT's folder, the project was
// generated in project/<artifactId>. The checks are in ../verify-generated.groovy.
artifact = 'weather-connector'
version = '1.0.0-SNAPSHOT'
packagePath = 'com/example/connect/weather'.replace('/', File.separator)
name = 'Weather'
type = 'Source'
root = new File(basedir instanceof File ? basedir : new File(basedir.toString()), "project/$artifact")
return evaluate(new File(root.parentFile.parentFile.parentFile, 'verify-generated.groovy'))
